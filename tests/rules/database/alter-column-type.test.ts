import { alterColumnType } from '../../../src/rules/database/alter-column-type.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(alterColumnType, {
  valid: [
    { name: 'set default', after: "ALTER TABLE users ALTER COLUMN role SET DEFAULT 'member';\n" },
    { name: 'column of a table created in the same file', after: 'CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a TYPE bigint;\n' },
  ],
  invalid: [
    { name: 'postgres', after: fixture('pg-cleanup.sql'), lines: [11], message: /TYPE int4/ },
    { name: 'MySQL MODIFY', after: fixture('mysql-dump.sql'), lines: [21] },
  ],
});
