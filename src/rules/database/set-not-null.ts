import { operationRule } from './operation-rule.js';

export const setNotNull = operationRule({
  kind: 'set-not-null',
  meta: {
    id: 'database/set-not-null',
    severity: 'medium',
    title: 'SET NOT NULL on an existing column scans the table under an exclusive lock',
    why: '`ALTER COLUMN ... SET NOT NULL` checks every row while holding an ACCESS EXCLUSIVE lock, so reads and writes wait for the whole scan on a large table; it fails if any row is NULL.',
    fix: 'Add a `CHECK (col IS NOT NULL) NOT VALID` constraint, `VALIDATE CONSTRAINT` it in a separate migration (no exclusive lock), then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check.',
    examples: {
      bad: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      good: 'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} scans the whole table under an ACCESS EXCLUSIVE lock`,
});
