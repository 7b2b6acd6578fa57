import { dropTable } from '../../../src/rules/database/drop-table.js';
import { fixture, ruleTester } from './rule-tester.js';

const cleanup = fixture('pg-cleanup.sql');

ruleTester(dropTable, {
  valid: [
    { name: 'additive migration', after: fixture('pg-additive.sql') },
    { name: 'unchanged statements are context', before: cleanup, after: cleanup },
    { name: 'removed statement is not a risk', before: 'DROP TABLE legacy_sessions;\nSELECT 1;\n', after: 'SELECT 1;\n' },
    {
      name: 're-indented and comment-edited old migration',
      before: 'DROP TABLE legacy_sessions;\n',
      after: '-- cleaned up in 2023 (edited comment)\n   drop   table\n      LEGACY_SESSIONS ;\n',
    },
    { name: 'moved statement', before: 'SELECT 1;\nDROP TABLE a;\n', after: 'DROP TABLE a;\nSELECT 1;\n' },
    { name: 'only in a comment', after: '-- DROP TABLE users;\n/* DROP TABLE users; */\nSELECT 1;\n' },
    { name: 'only in a string literal', after: "INSERT INTO docs (body) VALUES ('DROP TABLE users;');\n" },
    {
      name: 'scratch table created earlier in the same file',
      after: 'CREATE TABLE tmp_ids (id int);\nINSERT INTO tmp_ids SELECT id FROM users;\nDROP TABLE tmp_ids;\n',
    },
    { name: 'deleted migration file', before: 'DROP TABLE users;\n', after: null },
    { name: 'not a SQL file', path: 'docs/runbook.txt', after: 'DROP TABLE users;\n' },
  ],
  invalid: [
    {
      name: 'whole cleanup migration',
      after: cleanup,
      lines: [6, 7, 7],
      message: /^DROP TABLE (legacy_sessions|audit_2019 CASCADE|audit_2020 CASCADE) removes the table and all its rows\.$/,
    },
    { name: 'added to an existing migration', before: 'SELECT 1;\n', after: 'SELECT 1;\nDROP TABLE users;\n', lines: [2] },
    { name: 'dropped before re-creating', after: 'DROP TABLE IF EXISTS users;\nCREATE TABLE users (id int);\n', lines: [1] },
    {
      name: 'MySQL with backticks, # comments and DELIMITER uses the fallback',
      path: 'db/mysql/001.sql',
      after: fixture('mysql-dump.sql'),
      lines: [6],
      message: /parsed with the MySQL grammar fallback: the PostgreSQL grammar rejected this file at line 6/,
    },
    {
      name: 'T-SQL with brackets and GO',
      path: 'db/mssql/deploy.sql',
      after: fixture('tsql-deploy.sql'),
      lines: [9],
      message: /DROP TABLE dbo\.TempImport.*fallback/,
    },
    {
      name: 'golang-migrate down file is rollback only',
      path: 'migrations/000012_users.down.sql',
      after: 'DROP TABLE users;\n',
      lines: [1],
      severity: 'low',
      message: /rollback/,
    },
    {
      name: 'dbmate down section is rollback only',
      after: '-- migrate:up\nALTER TABLE users ADD COLUMN nickname text;\n\n-- migrate:down\nDROP TABLE legacy;\n',
      lines: [5],
      severity: 'low',
    },
    {
      name: 'goose up section is not rollback',
      after: '-- +goose Up\nDROP TABLE legacy;\n-- +goose Down\nCREATE TABLE legacy (id int);\n',
      lines: [2],
      severity: 'high',
    },
    { name: 'production path is critical', path: 'db/production/001.sql', after: 'DROP TABLE users;\n', lines: [1], severity: 'critical' },
  ],
});
