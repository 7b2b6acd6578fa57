import { tautologicalWhere } from '../../../src/rules/database/tautological-where.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(tautologicalWhere, {
  valid: [
    { name: '1=1 AND a real condition', after: 'DELETE FROM orders WHERE 1=1 AND id = 42;\n' },
    { name: 'x = y', after: 'UPDATE t SET a = 1 WHERE a = b;\n' },
    { name: 'in a comment', after: '-- DELETE FROM orders WHERE 1=1;\nSELECT 1;\n' },
  ],
  invalid: [
    { name: '1 = 1 and OR true', after: fixture('pg-cleanup.sql'), lines: [18, 19] },
    { name: "'a'='a'", after: "DELETE FROM users WHERE 'a' = 'a';\n", lines: [1] },
    { name: 'x = x', after: 'UPDATE users SET admin = true WHERE id = id;\n', lines: [1] },
    { name: 'OR 1=1 in MySQL', after: 'DELETE FROM `users` WHERE `id` = 5 OR 1=1;\n', lines: [1], message: /fallback/ },
  ],
});
