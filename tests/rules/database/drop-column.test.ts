import { dropColumn } from '../../../src/rules/database/drop-column.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(dropColumn, {
  valid: [
    { name: 'add nullable column', after: 'ALTER TABLE users ADD COLUMN nickname text;\n' },
    { name: 'drop constraint and default', after: 'ALTER TABLE users DROP CONSTRAINT users_email_key, ALTER COLUMN role DROP DEFAULT;\n' },
    { name: 'MySQL drop index and foreign key', after: 'ALTER TABLE `users` DROP INDEX `idx_email`, DROP FOREIGN KEY `fk_org`;\n' },
  ],
  invalid: [
    { name: 'postgres', after: fixture('pg-cleanup.sql'), lines: [9], message: /removes the column and its data/ },
    { name: 'MySQL fallback', after: fixture('mysql-dump.sql'), lines: [21], message: /coupon.*fallback/ },
    { name: 'SQLite', after: 'ALTER TABLE users DROP COLUMN avatar;\n', lines: [1] },
  ],
});
