import { truncate } from '../../../src/rules/database/truncate.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(truncate, {
  valid: [
    { name: 'staging table created in the same file', after: 'CREATE TEMP TABLE staging (id int);\nTRUNCATE staging;\n' },
    { name: 'word in a comment', after: '-- we used to TRUNCATE users here\nSELECT 1;\n' },
  ],
  invalid: [
    { name: 'plain truncate', after: 'TRUNCATE TABLE import_staging;\n', lines: [1], severity: 'high' },
    {
      name: 'CASCADE escalates to critical',
      after: 'TRUNCATE customers CASCADE;\n',
      lines: [1],
      severity: 'critical',
      message: /every table that references it/,
    },
    {
      name: 'in the cleanup migration',
      after: fixture('pg-cleanup.sql').replace('TRUNCATE customers CASCADE;', 'TRUNCATE customers;'),
      lines: [13, 14],
    },
  ],
});
