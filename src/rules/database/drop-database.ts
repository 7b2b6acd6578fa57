import { operationRule } from './operation-rule.js';

export const dropDatabase = operationRule({
  kind: 'drop-database',
  meta: {
    id: 'database/drop-database',
    severity: 'critical',
    title: 'DROP DATABASE removes a whole database',
    why: 'Dropping a database deletes every table, row, function and permission in it in one statement. Nothing short of restoring a backup brings it back, and every service connected to it fails immediately.',
    fix: 'Do not drop databases from migrations or scripts that run automatically. If a database really is retired, take and verify a final backup, confirm no service connects to it (check `pg_stat_activity`), and drop it by hand with a second person watching.',
    examples: {
      bad: 'DROP DATABASE app_production;',
      good: '-- retire by revoking access first, then drop by hand after a verified backup\nREVOKE CONNECT ON DATABASE app_legacy FROM PUBLIC;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} removes the whole database: every table and every row in it`,
});
