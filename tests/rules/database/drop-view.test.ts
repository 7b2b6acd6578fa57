import { dropView } from '../../../src/rules/database/drop-view.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(dropView, {
  valid: [
    { name: 'create or replace view', after: 'CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE active;\n' },
    { name: 'refresh materialized view', after: 'REFRESH MATERIALIZED VIEW monthly_revenue;\n' },
  ],
  invalid: [{ name: 'view and materialized view', after: fixture('pg-cleanup.sql'), lines: [21, 22] }],
});
