import { operationRule } from './operation-rule.js';

export const updateWithoutWhere = operationRule({
  kind: 'update-without-where',
  meta: {
    id: 'database/update-without-where',
    severity: 'high',
    title: 'UPDATE without a WHERE clause overwrites every row',
    why: 'An UPDATE with no WHERE clause overwrites the column in every row; the previous values are gone unless you restore a backup, and on a large table it also locks and rewrites every row.',
    fix: 'Add the WHERE clause that names the rows to change, check the row count inside a transaction before committing, and backfill large tables in batches. If every row really must change, copy the old values to a backup column or table first.',
    examples: {
      bad: 'UPDATE users SET email_verified = false;',
      good: 'UPDATE users SET email_verified = false WHERE email_changed_at > verified_at;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} overwrites every row of the table`,
});
