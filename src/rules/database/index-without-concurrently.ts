import { operationRule } from './operation-rule.js';

export const indexWithoutConcurrently = operationRule({
  kind: 'index-without-concurrently',
  meta: {
    id: 'database/index-without-concurrently',
    severity: 'medium',
    title: 'CREATE/DROP INDEX without CONCURRENTLY blocks writes',
    why: 'Building an index without CONCURRENTLY blocks every write to the table until it finishes, which takes minutes on a large table; dropping one without CONCURRENTLY takes an ACCESS EXCLUSIVE lock.',
    fix: 'Use `CREATE INDEX CONCURRENTLY` / `DROP INDEX CONCURRENTLY`, outside a transaction (Rails: `algorithm: :concurrently` with `disable_ddl_transaction!`). A table created in the same migration does not need it.',
    examples: {
      bad: 'CREATE INDEX index_orders_on_user_id ON orders (user_id);',
      good: 'CREATE INDEX CONCURRENTLY index_orders_on_user_id ON orders (user_id);',
      language: 'sql',
    },
  },
  message: (op) =>
    `${op.summary}${op.summary.startsWith('DROP') ? ' takes an exclusive lock on the table' : ' blocks writes to the table while the index builds'}`,
});
