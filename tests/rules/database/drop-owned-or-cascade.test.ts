import { dropOwnedOrCascade } from '../../../src/rules/database/drop-owned-or-cascade.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(dropOwnedOrCascade, {
  valid: [
    { name: 'drop type without cascade', after: 'DROP TYPE order_status;\n' },
    { name: 'reassign owned', after: 'REASSIGN OWNED BY old_etl_user TO etl;\n' },
  ],
  invalid: [
    {
      name: 'drop type cascade and drop owned',
      after: fixture('pg-cleanup.sql'),
      lines: [24, 25],
      message: /DROP (TYPE order_status CASCADE|OWNED BY old_etl_user)/,
    },
    { name: 'drop function cascade', after: 'DROP FUNCTION IF EXISTS audit_trigger() CASCADE;\n', lines: [1] },
  ],
});
