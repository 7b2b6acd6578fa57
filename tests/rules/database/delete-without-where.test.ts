import { deleteWithoutWhere } from '../../../src/rules/database/delete-without-where.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(deleteWithoutWhere, {
  valid: [
    { name: 'DELETE ... WHERE split over lines', after: fixture('pg-additive.sql') },
    { name: 'WHERE on the next line', after: 'DELETE FROM sessions\n  -- only the expired ones\n  WHERE expires_at < now();\n' },
    { name: 'in a string', after: "INSERT INTO audit (sql) VALUES ('DELETE FROM users');\n" },
    { name: 'MySQL multi-table delete limited by a join', after: 'DELETE o FROM `orders` o INNER JOIN `users` u ON u.id = o.user_id;\n' },
    { name: 'delete with WHERE inside a DO block', after: fixture('pg-dynamic.sql') },
  ],
  invalid: [
    {
      name: 'bare delete',
      after: fixture('pg-cleanup.sql'),
      lines: [16],
      message: /^DELETE FROM password_resets without a WHERE clause deletes every row of the table\.$/,
    },
    { name: 'inside a MySQL procedure', after: fixture('mysql-dump.sql'), lines: [17], message: /inside function/ },
    { name: 'data-modifying CTE', after: 'WITH gone AS (DELETE FROM carts RETURNING id) SELECT count(*) FROM gone;\n', lines: [1] },
  ],
});
