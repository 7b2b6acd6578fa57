import { dropSchema } from '../../../src/rules/database/drop-schema.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(dropSchema, {
  valid: [
    { name: 'create schema', after: 'CREATE SCHEMA IF NOT EXISTS reporting;\n' },
    { name: 'in a string', after: "SELECT 'DROP SCHEMA public CASCADE';\n" },
  ],
  invalid: [
    {
      name: 'CASCADE escalates to critical',
      after: fixture('pg-cleanup.sql'),
      lines: [23],
      severity: 'critical',
      message: /every table, view and function/,
    },
    { name: 'without cascade', after: 'DROP SCHEMA reporting_old;\n', lines: [1], severity: 'high' },
  ],
});
