import { operationRule } from './operation-rule.js';

export const tautologicalWhere = operationRule({
  kind: 'tautological-where',
  meta: {
    id: 'database/tautological-where',
    severity: 'high',
    title: 'A WHERE clause that is always true (1=1, TRUE, x = x, OR 1=1)',
    why: 'A condition such as `1=1`, `TRUE`, `x = x` or `... OR 1=1` matches every row, so the DELETE or UPDATE behaves exactly as if it had no WHERE clause, while looking filtered to a reviewer.',
    fix: 'Replace the condition with the one that names the intended rows (usually a key or a date), and check the row count inside a transaction before committing.',
    examples: {
      bad: 'DELETE FROM orders WHERE 1=1;',
      good: "DELETE FROM orders WHERE status = 'cancelled' AND created_at < '2023-01-01';",
      language: 'sql',
    },
  },
  message: (op) => `${op.summary}: it matches every row, as if there were no WHERE clause`,
});
