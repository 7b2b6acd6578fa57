import { constraintWithoutNotValid } from '../../../src/rules/database/constraint-without-not-valid.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(constraintWithoutNotValid, {
  valid: [
    {
      name: 'NOT VALID then VALIDATE',
      after:
        'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT fk;\n',
    },
    { name: 'constraints in CREATE TABLE', after: fixture('pg-additive.sql') },
  ],
  invalid: [{ name: 'foreign key and check', after: fixture('pg-locks.sql'), lines: [10, 13], severity: 'medium' }],
});
