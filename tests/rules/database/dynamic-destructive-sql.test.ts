import { dynamicDestructiveSql } from '../../../src/rules/database/dynamic-destructive-sql.js';
import { fixture, ruleTester } from './rule-tester.js';

ruleTester(dynamicDestructiveSql, {
  valid: [
    {
      name: 'strings that are only logged or filtered',
      after: "DO $$ BEGIN RAISE NOTICE 'DROP TABLE x'; EXECUTE 'DELETE FROM jobs WHERE id = 1'; END $$;\n",
    },
    {
      name: 'dynamic SELECT',
      after:
        "CREATE FUNCTION n(t text) RETURNS bigint LANGUAGE plpgsql AS $$ DECLARE c bigint; BEGIN EXECUTE format('SELECT count(*) FROM %I', t) INTO c; RETURN c; END $$;\n",
    },
  ],
  invalid: [
    {
      name: 'format() in a function and concatenation in a DO block',
      after: fixture('pg-dynamic.sql'),
      lines: [2, 13],
      message: /builds (DROP TABLE|TRUNCATE)/,
    },
    {
      name: 'MySQL prepared statement',
      after: "SET @sql = CONCAT('DROP TABLE ', @tbl);\nPREPARE stmt FROM @sql;\nEXECUTE stmt;\n",
      lines: [1],
    },
    { name: 'T-SQL EXEC of a string', after: "EXEC('TRUNCATE TABLE ' + @name)\nGO\n", lines: [1] },
  ],
});
