import { operationRule } from './operation-rule.js';

export const constraintWithoutNotValid = operationRule({
  kind: 'constraint-without-not-valid',
  meta: {
    id: 'database/constraint-without-not-valid',
    severity: 'medium',
    title: 'FOREIGN KEY or CHECK added without NOT VALID locks the table while it validates',
    why: 'Adding a foreign key or check constraint validates every existing row while holding a lock that blocks writes (for a foreign key, on both tables).',
    fix: 'Add the constraint with `NOT VALID` (instant), then `ALTER TABLE ... VALIDATE CONSTRAINT` in a separate migration, which only takes a lock that allows reads and writes.',
    examples: {
      bad: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      good: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary}: validating every existing row blocks writes`,
});
