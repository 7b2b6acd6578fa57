import { setNotNull } from '../../../src/rules/database/set-not-null.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(setNotNull, {
  valid: [
    { name: 'new table', after: 'CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a SET NOT NULL;\n' },
    { name: 'drop not null', after: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n' },
  ],
  invalid: [{ name: 'existing table', after: fixture('pg-locks.sql'), lines: [2], severity: 'medium' }],
});
