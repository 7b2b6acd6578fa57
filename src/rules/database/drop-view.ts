import { operationRule } from './operation-rule.js';

export const dropView = operationRule({
  kind: 'drop-view',
  meta: {
    id: 'database/drop-view',
    severity: 'high',
    title: 'DROP VIEW / DROP MATERIALIZED VIEW removes a view',
    why: 'Queries, reports and services that read the view start failing as soon as it is gone; a materialized view also loses its stored rows, which can take long to rebuild.',
    fix: 'Check who still reads the view (application code, BI tools, `pg_stat_user_tables`), replace it in the same migration with `CREATE OR REPLACE VIEW` when you only change its definition, and keep its definition so it can be recreated.',
    examples: {
      bad: 'DROP VIEW active_customers;',
      good: 'CREATE OR REPLACE VIEW active_customers AS SELECT id, email FROM customers WHERE active;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} removes the view; everything that reads it starts failing`,
});
