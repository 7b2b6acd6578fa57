import { rename } from '../../../src/rules/database/rename.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(rename, {
  valid: [
    { name: 'rename a constraint', after: 'ALTER TABLE users RENAME CONSTRAINT a TO b;\n' },
    { name: 'rename an index', after: 'ALTER INDEX users_a_idx RENAME TO users_b_idx;\n' },
  ],
  invalid: [
    { name: 'rename column', after: fixture('pg-cleanup.sql'), lines: [10] },
    { name: 'rename table', after: 'ALTER TABLE users RENAME TO accounts;\n', lines: [1] },
    { name: 'MySQL RENAME TABLE', after: 'RENAME TABLE `users` TO `accounts`;\n', lines: [1] },
    { name: 'T-SQL sp_rename', path: 'db/mssql/deploy.sql', after: fixture('tsql-deploy.sql'), lines: [15] },
  ],
});
