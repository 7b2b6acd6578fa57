import { updateWithoutWhere } from '../../../src/rules/database/update-without-where.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(updateWithoutWhere, {
  valid: [
    { name: 'update with WHERE split over lines', after: fixture('pg-additive.sql') },
    { name: 'SELECT ... FOR UPDATE', after: 'SELECT * FROM jobs WHERE id = 1 FOR UPDATE;\n' },
    { name: 'ON UPDATE in a foreign key', after: 'CREATE TABLE t (id int REFERENCES u (id) ON UPDATE CASCADE ON DELETE CASCADE);\n' },
  ],
  invalid: [
    { name: 'bare update', after: fixture('pg-cleanup.sql'), lines: [17] },
    { name: 'T-SQL', path: 'db/mssql/deploy.sql', after: fixture('tsql-deploy.sql'), lines: [11], message: /fallback/ },
  ],
});
