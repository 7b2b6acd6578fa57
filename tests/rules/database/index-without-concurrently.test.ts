import { indexWithoutConcurrently } from '../../../src/rules/database/index-without-concurrently.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(indexWithoutConcurrently, {
  valid: [
    { name: 'create table + index in the same file, and CONCURRENTLY', after: fixture('pg-additive.sql') },
    { name: 'drop concurrently', after: 'DROP INDEX CONCURRENTLY IF EXISTS orders_legacy_idx;\n' },
    { name: 'MySQL has no CONCURRENTLY', after: 'CREATE INDEX `idx_a` ON `t` (`a`);\n' },
  ],
  invalid: [{ name: 'create and drop on existing tables', after: fixture('pg-locks.sql'), lines: [6, 8], severity: 'medium' }],
});
