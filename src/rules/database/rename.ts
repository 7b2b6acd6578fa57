import { operationRule } from './operation-rule.js';

export const rename = operationRule({
  kind: 'rename',
  meta: {
    id: 'database/rename',
    severity: 'high',
    title: 'Renaming a table or column breaks the code that uses the old name',
    why: "The running application (and every other reader: jobs, reports, replicas' consumers) still uses the old name until its new release is fully deployed, so renaming breaks them in between; it also breaks rollback.",
    fix: 'Add the new column or table, write to both, backfill, switch reads, then drop the old one in a later release; or create a view with the old name while the code moves over.',
    examples: {
      bad: 'ALTER TABLE users RENAME COLUMN name TO full_name;',
      good: 'ALTER TABLE users ADD COLUMN full_name text;\n-- dual-write in the app, backfill in batches, switch reads, drop name later',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} breaks every query still using the old name`,
});
