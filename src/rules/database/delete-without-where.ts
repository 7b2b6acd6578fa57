import { operationRule } from './operation-rule.js';

export const deleteWithoutWhere = operationRule({
  kind: 'delete-without-where',
  meta: {
    id: 'database/delete-without-where',
    severity: 'high',
    title: 'DELETE without a WHERE clause deletes every row',
    why: 'A DELETE with no WHERE clause removes every row of the table. It is the classic copy-paste accident: the condition was on the next line, or was never pasted.',
    fix: 'Add the WHERE clause that names the rows to remove, run it inside a transaction and check the reported row count before committing, and delete large sets in batches. If the table really must be emptied, say so explicitly and take a backup first.',
    examples: { bad: 'DELETE FROM sessions;', good: 'DELETE FROM sessions WHERE expires_at < now();', language: 'sql' },
  },
  message: (op) => `${op.summary} deletes every row of the table`,
});
