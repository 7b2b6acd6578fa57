import { operationRule } from './operation-rule.js';

export const dropTable = operationRule({
  kind: 'drop-table',
  meta: {
    id: 'database/drop-table',
    severity: 'high',
    title: 'DROP TABLE removes a table and its rows',
    why: 'Dropping a table deletes every row in it at once, and the running application fails on its next query against it. Restoring means a point-in-time recovery of the whole database.',
    fix: 'Stop reading and writing the table first and deploy that; rename it (or revoke access) for a release to prove nothing uses it; take a backup (`pg_dump -t`), then drop it in a later migration. If the data is still wanted, archive it to another table first.',
    examples: {
      bad: 'DROP TABLE users;',
      good: '-- release 1: the app no longer uses legacy_users; release 2:\nALTER TABLE legacy_users RENAME TO legacy_users_retired;\n-- release 3, after a backup: DROP TABLE legacy_users_retired;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} removes the table and all its rows`,
});
