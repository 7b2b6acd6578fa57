import { operationRule } from './operation-rule.js';

export const truncate = operationRule({
  kind: 'truncate',
  meta: {
    id: 'database/truncate',
    severity: 'high',
    title: 'TRUNCATE empties a table (CASCADE: every referencing table too)',
    why: 'TRUNCATE deletes every row of the table at once and cannot be filtered; with CASCADE it also empties every table with a foreign key to it. It is not logged row by row, so the rows are gone unless you restore a backup.',
    fix: 'Delete only the rows you mean to remove with a `DELETE ... WHERE`, in batches; if the table really must be emptied, copy it first (`CREATE TABLE x_backup AS TABLE x`) and never use CASCADE in a migration.',
    examples: {
      bad: 'TRUNCATE orders CASCADE;',
      good: "DELETE FROM orders WHERE created_at < now() - interval '2 years' AND id IN (SELECT id FROM orders LIMIT 10000);",
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} deletes every row of the table${op.cascade === true ? ' and of every table that references it' : ''}`,
});
