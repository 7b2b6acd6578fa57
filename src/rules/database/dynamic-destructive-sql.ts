import { operationRule } from './operation-rule.js';

export const dynamicDestructiveSql = operationRule({
  kind: 'dynamic-destructive-sql',
  meta: {
    id: 'database/dynamic-destructive-sql',
    severity: 'high',
    title: 'Dynamic SQL that builds a destructive statement',
    why: 'EXECUTE, format() or a prepared string that builds DROP, TRUNCATE or an unfiltered DELETE runs whatever the string says at run time, often over a list of tables; a reviewer cannot see from the diff which objects it will destroy.',
    fix: 'Write the destructive statements out explicitly so the review shows every object, or make the function print the statements for a dry run first; guard loops with an explicit allow-list of table names.',
    examples: {
      bad: "DO $$ BEGIN EXECUTE format('DROP TABLE %I', tbl); END $$;",
      good: '-- list the objects explicitly\nDROP TABLE import_2023_01;\nDROP TABLE import_2023_02;',
      language: 'sql',
    },
  },
  message: (op) => `${op.summary} at run time`,
});
