import { operationRule } from './operation-rule.js';

export const alterColumnType = operationRule({
  kind: 'alter-column-type',
  meta: {
    id: 'database/alter-column-type',
    severity: 'high',
    title: "Changing a column's type rewrites the table and can lose data",
    why: "Changing a column's type usually rewrites the whole table under an ACCESS EXCLUSIVE lock (reads and writes wait), and a narrowing change can truncate values or fail halfway; the running application may not understand the new type.",
    fix: 'Add a new column with the new type, write to both, backfill in batches, switch reads, then drop the old column in a later release. Widening a varchar or removing its limit in PostgreSQL is safe without a rewrite.',
    examples: {
      bad: 'ALTER TABLE orders ALTER COLUMN total TYPE integer;',
      good: 'ALTER TABLE orders ADD COLUMN total_cents bigint;\n-- backfill in batches, switch reads, drop total later',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} rewrites the table under an exclusive lock and can lose or reject values`,
});
