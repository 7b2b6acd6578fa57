import { operationRule } from './operation-rule.js';

export const dropSchema = operationRule({
  kind: 'drop-schema',
  meta: {
    id: 'database/drop-schema',
    severity: 'high',
    title: 'DROP SCHEMA removes a schema (and with CASCADE, every table in it)',
    why: 'Dropping a schema removes the namespace the application resolves its tables in; with CASCADE it silently drops every table, view and function inside it, with their data.',
    fix: 'Move the objects you still need out of the schema first, drop the schema without CASCADE so PostgreSQL refuses if anything is left, and take a backup of the schema (`pg_dump -n`) before the release.',
    examples: {
      bad: 'DROP SCHEMA reporting CASCADE;',
      good: '-- fails safely if anything is still inside\nDROP SCHEMA reporting_old;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} removes the schema${op.cascade === true ? ' and every table, view and function in it' : ''}`,
});
