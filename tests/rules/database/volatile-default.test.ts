import { volatileDefault } from '../../../src/rules/database/volatile-default.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(volatileDefault, {
  valid: [
    { name: 'now() is stable: no rewrite on PostgreSQL 11+', after: fixture('pg-additive.sql') },
    { name: 'constant default', after: "ALTER TABLE users ADD COLUMN plan text DEFAULT 'free';\n" },
  ],
  invalid: [
    { name: 'gen_random_uuid()', after: fixture('pg-locks.sql'), lines: [4], severity: 'medium' },
    { name: 'clock_timestamp()', after: 'ALTER TABLE events ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();\n', lines: [1] },
  ],
});
