import { dropDatabase } from '../../../src/rules/database/drop-database.js';
import { ruleTester } from './rule-tester.js';

ruleTester(dropDatabase, {
  valid: [
    { name: 'create database', after: 'CREATE DATABASE analytics;\n' },
    { name: 'in a comment', after: '-- never: DROP DATABASE app;\nSELECT 1;\n' },
    { name: 'unchanged', before: 'DROP DATABASE scratch;\n', after: 'DROP DATABASE scratch;\n' },
  ],
  invalid: [
    {
      name: 'drop database',
      after: '\\connect postgres\nDROP DATABASE app_production;\n',
      lines: [2],
      severity: 'critical',
      message: /removes the whole database/,
    },
    {
      name: 'MySQL drop database with backticks',
      after: '# reset\nDROP DATABASE IF EXISTS `shop`;\n',
      lines: [2],
      severity: 'critical',
      message: /fallback/,
    },
  ],
});
