import { operationRule } from './operation-rule.js';

export const dropColumn = operationRule({
  kind: 'drop-column',
  meta: {
    id: 'database/drop-column',
    severity: 'high',
    title: 'DROP COLUMN removes a column and its data',
    why: 'Dropping a column deletes its data in every row, and application servers still running the previous release fail on queries (or ORM models) that name it.',
    fix: 'Stop reading and writing the column and deploy that first; tell the ORM to ignore it (Rails `ignored_columns`, Django `db_column` removal in a separate release); take a backup of the column; then drop it in a later release.',
    examples: {
      bad: 'ALTER TABLE users DROP COLUMN legacy_password;',
      good: '-- release 1: the app no longer reads or writes legacy_password (ignored in the ORM)\n-- release 2, after a backup:\nALTER TABLE users DROP COLUMN legacy_password;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} removes the column and its data; code still using it fails`,
});
