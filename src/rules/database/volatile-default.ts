import { operationRule } from './operation-rule.js';

export const volatileDefault = operationRule({
  kind: 'volatile-default',
  meta: {
    id: 'database/volatile-default',
    severity: 'medium',
    title: 'ADD COLUMN with a volatile default rewrites the table',
    why: 'A default that differs per row (random(), gen_random_uuid(), clock_timestamp()...) forces PostgreSQL to rewrite every row under an ACCESS EXCLUSIVE lock. Constant and stable defaults such as now() do not.',
    fix: 'Add the column without a default (or with a constant one), set the default in a separate statement so only new rows get it, and backfill existing rows in batches.',
    examples: {
      bad: 'ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();',
      good: 'ALTER TABLE orders ADD COLUMN public_id uuid;\nALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();\n-- backfill existing rows in batches',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} rewrites every row under an ACCESS EXCLUSIVE lock`,
});
