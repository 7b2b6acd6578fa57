import { operationRule } from './operation-rule.js';

export const dropOwnedOrCascade = operationRule({
  kind: 'drop-owned-or-cascade',
  meta: {
    id: 'database/drop-owned-or-cascade',
    severity: 'high',
    title: 'DROP OWNED / DROP ... CASCADE removes everything that depends on the object',
    why: 'CASCADE (and DROP OWNED) drops not only the named object but everything that depends on it or is owned by the role: views, foreign keys, functions, even tables. The statement does not list what it will remove.',
    fix: 'Drop without CASCADE so PostgreSQL refuses and lists the dependants; remove or re-point each dependant explicitly; for roles use `REASSIGN OWNED BY old TO new` before `DROP OWNED`.',
    examples: {
      bad: 'DROP TYPE order_status CASCADE;',
      good: '-- see what depends on it: DROP TYPE order_status; fails and lists the dependants\nALTER TABLE orders ALTER COLUMN status TYPE text;\nDROP TYPE order_status;',
      language: 'sql',
    },
  },
  message: (op) =>
    `${op.summary} also drops every object that depends on it${op.summary.startsWith('DROP OWNED') ? ' (everything the role owns)' : ''}`,
});
