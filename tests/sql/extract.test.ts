// extractSql end to end on whole files: which parser decided each statement and says so,
// lines from the grammar's UTF-8 byte offsets, and what is skipped before any parse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbOperation } from '../../src/database/operations.js';
import { extractSql } from '../../src/sql/extract.js';
import { loadParsers } from '../../src/sql/parsers.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** `line kind (source)` of each operation: what a reader of the findings sees. */
const brief = (ops: DbOperation[]): string[] => ops.map((o) => `${o.line} ${o.kind} (${o.source})`);

beforeAll(async () => {
  await loadParsers();
});

describe('PostgreSQL grammar first', () => {
  it('finds only real statements in a file full of decoys in comments and strings', () => {
    const ops = extractSql(fixture('pg-release.sql'));
    expect(brief(ops)).toEqual(['20 delete-without-where (postgres)', '37 drop-table (postgres)']);
    expect(ops.every((o) => o.note === undefined || !o.note.includes('fallback'))).toBe(true);
  });

  it('reports a statement inside a dollar-quoted function body on the CREATE FUNCTION line, naming the function', () => {
    const [body] = extractSql(fixture('pg-release.sql'));
    expect(body?.note).toBe('inside function purge_sessions');
  });

  it('converts the grammar byte offsets to lines when multibyte text comes first', () => {
    // 12 multibyte characters precede the DELETE: a character index would land on the wrong statement.
    expect(brief(extractSql(fixture('utf8-before.sql')))).toEqual(['5 delete-without-where (postgres)']);
  });

  it('shifts lines by baseLine for SQL embedded in another file', () => {
    expect(extractSql('DROP TABLE users;', { baseLine: 41, source: 'rails' }).map((o) => `${o.line} ${o.source}`)).toEqual(['41 rails']);
  });
});

describe('fallbacks when the PostgreSQL grammar rejects the file', () => {
  it('parses the other statements one by one with the grammar, and the note says why', () => {
    const text = 'DROP TABLE a;\nALTER TABLE orders MODIFY COLUMN total DECIMAL(12,2) ZEROFILL_NONSENSE;\nTRUNCATE b;\n';
    const ops = extractSql(text);
    expect(brief(ops)).toEqual(['1 drop-table (postgres)', '2 alter-column-type (sql-text)', '3 truncate (postgres)']);
    expect(ops[0]?.note).toBe('the PostgreSQL grammar rejected this file at line 2');
    expect(ops[2]?.note).toBe('the PostgreSQL grammar rejected this file at line 2');
  });

  it('tries node-sql-parser (MySQL) next, and names it', () => {
    const ops = extractSql(fixture('mysql-procedures.sql'));
    const alter = ops.find((o) => o.kind === 'drop-column');
    expect(alter?.line).toBe(18);
    expect(alter?.note).toBe('parsed with the MySQL grammar fallback: the PostgreSQL grammar rejected this file at line 11');
  });

  it('tries node-sql-parser (SQL Server) for T-SQL files', () => {
    const ops = extractSql(fixture('tsql-deploy.sql'));
    expect(brief(ops)).toEqual(['12 drop-table (sql-text)', '15 truncate (sql-text)']);
    expect(ops[0]?.summary).toBe('DROP TABLE dbo.LegacyInvoices');
    expect(ops[0]?.note).toMatch(/^parsed with the SQL Server grammar fallback: /);
  });

  it('ends with the token classifier, and the note says the text fallback was used', () => {
    const ops = extractSql(fixture('mysql-procedures.sql'));
    const body = ops.find((o) => o.kind === 'delete-without-where');
    // Inline procedure bodies are read token by token: the line is the one inside the body.
    expect(body?.line).toBe(13);
    expect(body?.note).toBe(
      'inside function reset_carts; parsed with the text fallback: the PostgreSQL grammar rejected this file at line 11',
    );
  });

  it('names the first rejected statement even when it is past the first batch sent to the grammar', () => {
    // ~200 KB of candidates: several grammar calls before the one that fails.
    const filler = Array.from({ length: 4000 }, (_, i) => `DROP TABLE IF EXISTS staging_import_batch_${i};`);
    const text = [...filler, 'DELETE FROM orders LIMIT 10;', 'TRUNCATE audit;'].join('\n') + '\n';
    const ops = extractSql(text);
    expect(ops).toHaveLength(4002);
    expect(brief(ops.slice(-2))).toEqual(['4001 delete-without-where (sql-text)', '4002 truncate (postgres)']);
    expect(ops[0]?.note).toBe('the PostgreSQL grammar rejected this file at line 4001');
    expect(ops[4000]?.note).toMatch(
      /^parsed with the (SQLite|MySQL) grammar fallback: the PostgreSQL grammar rejected this file at line 4001$/,
    );
  });
});

describe('the screen before any parse', () => {
  it('gives nothing for a seed file of INSERTs whose strings mention DROP TABLE', () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) => `INSERT INTO notes (id, body) VALUES (${i}, 'It''s fine; DROP TABLE notes; DELETE FROM notes');`,
    );
    expect(extractSql(rows.join('\n'))).toEqual([]);
  });

  it('gives nothing for additive migrations (CREATE TABLE, ADD COLUMN, CREATE INDEX CONCURRENTLY, GRANT, COMMENT)', () => {
    const text = [
      'CREATE TABLE payments (id bigserial PRIMARY KEY, amount numeric NOT NULL);',
      'ALTER TABLE users ADD COLUMN nickname text;',
      'CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);',
      'GRANT SELECT ON payments TO reporting;',
      "COMMENT ON COLUMN users.nickname IS 'DROP COLUMN later';",
      'DELETE FROM sessions WHERE expires_at < now();',
    ].join('\n');
    expect(extractSql(text)).toEqual([]);
  });
});

describe('context within the file', () => {
  it('a table created earlier in the same file is not "existing"', () => {
    const text = 'CREATE TABLE tmp_import (id int);\nTRUNCATE tmp_import;\nDROP TABLE tmp_import;\nDROP TABLE customers;\n';
    expect(brief(extractSql(text))).toEqual(['4 drop-table (postgres)']);
  });

  it('PostgreSQL-only lock advice is not given for a file that looks like MySQL', () => {
    const text = 'CREATE INDEX orders_total_idx ON `orders` (total);\nALTER TABLE `orders` DROP COLUMN `legacy`;\n';
    expect(extractSql(text).map((o) => o.kind)).toEqual(['drop-column']);
    expect(extractSql('CREATE INDEX orders_total_idx ON orders (total);\n').map((o) => o.kind)).toEqual(['index-without-concurrently']);
  });
});

describe('fingerprints', () => {
  const fingerprints = (text: string): string[] => extractSql(text).map((o) => o.fingerprint);
  const base = 'DROP TABLE users;\n';

  it.each([
    ['whitespace and line breaks', 'DROP\n    TABLE\tusers ;\n'],
    ['comments', '-- old table\nDROP TABLE /* gone */ users;\n'],
    ['keyword and identifier case', 'drop table USERS;\n'],
    ['position in the file', 'SELECT 1;\n\n\nALTER TABLE a ADD COLUMN b int;\nDROP TABLE users;\n'],
    ['embedding at another line', { text: base, baseLine: 90 }],
  ])('do not change with %s', (_name, variant) => {
    const text = typeof variant === 'string' ? variant : variant.text;
    const baseLine = typeof variant === 'string' ? undefined : variant.baseLine;
    expect(extractSql(text, { baseLine }).map((o) => o.fingerprint)).toEqual(fingerprints(base));
  });

  it('differ for a different table, schema or option', () => {
    const mine = fingerprints(base)[0];
    for (const other of ['DROP TABLE user_archive;\n', 'DROP TABLE audit.users;\n', 'DROP TABLE users CASCADE;\n']) {
      expect(fingerprints(other)[0]).not.toBe(mine);
    }
  });

  it('stay the same when a later edit makes the grammar reject the file', () => {
    const rejected = 'DROP TABLE users;\nALTER TABLE `orders` DROP COLUMN `legacy`;\n';
    const drop = extractSql(rejected).find((o) => o.kind === 'drop-table');
    expect(drop?.note).toMatch(/rejected this file/);
    expect(drop?.fingerprint).toBe(fingerprints(base)[0]);
  });

  it('of text-fallback statements ignore whitespace, comments and case', () => {
    const a = extractSql('ALTER TABLE `orders` DROP COLUMN `legacy`;\n');
    const b = extractSql('# tidy\nalter table `orders`\n  drop column `legacy` ;\n');
    expect(a.map((o) => o.fingerprint)).toEqual(b.map((o) => o.fingerprint));
  });
});
