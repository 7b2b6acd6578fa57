// The lexer decides what is code and what is a comment or a string for every dialect the
// PostgreSQL grammar rejects, so each quoting rule is pinned here on realistic text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MYSQL_LEX, POSTGRES_LEX, scanStatements, tokenize, TSQL_LEX, type LexOptions } from '../../src/sql/lexer.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** `line:FIRSTWORD` of every statement, tokens kept for all. */
function outline(text: string, options: LexOptions): string[] {
  return scanStatements(text, options, false).statements.map((s) => `${s.line}:${s.firstWord}`);
}

/** Upper-cased words outside comments and strings. */
function words(text: string, options: LexOptions): string[] {
  return tokenize(text, options)
    .filter((t) => t.type === 'word')
    .map((t) => t.value);
}

describe('comments', () => {
  it.each([
    ['-- to the end of the line', 'SELECT 1; -- DROP TABLE users\nSELECT 2;', POSTGRES_LEX],
    ['# in MySQL', '# DROP TABLE users\nSELECT 1;', MYSQL_LEX],
    ['/* */ over lines', 'SELECT 1; /* DROP\nTABLE users; */ SELECT 2;', POSTGRES_LEX],
    ['nested /* /* */ */ in PostgreSQL', 'SELECT 1; /* outer /* inner DROP TABLE a; */ DROP TABLE b; */ SELECT 2;', POSTGRES_LEX],
  ])('%s hides its words', (_name, text, options) => {
    expect(words(text, options)).not.toContain('DROP');
  });

  it('a # is an operator, not a comment, outside MySQL', () => {
    expect(words('SELECT 1 # 2 FROM t; DROP TABLE x;', POSTGRES_LEX)).toContain('DROP');
  });

  it('MySQL comments do not nest: the first */ closes', () => {
    expect(words('/* a /* b */ DROP TABLE x;', MYSQL_LEX)).toEqual(['DROP', 'TABLE', 'X']);
  });
});

describe('string literals', () => {
  it("a doubled quote ('') stays inside the string", () => {
    const tokens = tokenize("UPDATE t SET note = 'don''t; DROP TABLE x' WHERE id = 1;", POSTGRES_LEX);
    expect(tokens.find((t) => t.type === 'string')?.value).toBe("don't; DROP TABLE x");
    expect(tokens.filter((t) => t.type === 'word').map((t) => t.value)).not.toContain('DROP');
  });

  it("E'\\'' escapes with a backslash in PostgreSQL", () => {
    const { statements } = scanStatements("UPDATE t SET v = E'it\\'s; DELETE FROM t' WHERE k = 1;\nSELECT 2;", POSTGRES_LEX, false);
    expect(statements.map((s) => s.firstWord)).toEqual(['UPDATE', 'SELECT']);
    expect(statements[0]?.tokens?.find((t) => t.type === 'string')?.value).toBe("it\\'s; DELETE FROM t");
  });

  it("a plain '\\' does not escape in PostgreSQL but does in MySQL", () => {
    const text = "SELECT 'a\\'; DROP TABLE x; -- ';\n";
    expect(words(text, POSTGRES_LEX)).toContain('DROP');
    expect(words(text, MYSQL_LEX)).not.toContain('DROP');
  });

  it('an unterminated string is reported, not silently closed', () => {
    expect(scanStatements("SELECT 'never closed;\nDROP TABLE x;", POSTGRES_LEX).unterminated).toBe(true);
    expect(scanStatements("SELECT 'closed';", POSTGRES_LEX).unterminated).toBe(false);
  });
});

describe('quoted identifiers', () => {
  it.each([
    ['"x" everywhere', 'DROP TABLE "Order Items";', POSTGRES_LEX, 'Order Items'],
    ['`x` in MySQL', 'DROP TABLE `order items`;', MYSQL_LEX, 'order items'],
    ['[x] in SQL Server', 'DROP TABLE [dbo].[Order Items];', TSQL_LEX, 'Order Items'],
    ['"" escapes a quote', 'DROP TABLE "say ""hi""";', POSTGRES_LEX, 'say "hi"'],
  ])('%s', (_name, text, options, name) => {
    const idents = tokenize(text, options).filter((t) => t.type === 'qident');
    expect(idents.map((t) => t.value)).toContain(name);
  });

  it('a ; inside a quoted identifier does not end the statement', () => {
    expect(outline('DROP TABLE "a;b";\nSELECT 1;', POSTGRES_LEX)).toEqual(['1:DROP', '2:SELECT']);
  });
});

describe('dollar quotes', () => {
  it('$$ and $tag$ bodies are one string, whatever they hold', () => {
    const text = [
      'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$',
      'BEGIN DELETE FROM a; END;',
      '$$;',
      'DO $body$ BEGIN TRUNCATE b; PERFORM $x$ ; $x$; END $body$;',
      'SELECT 1;',
    ].join('\n');
    expect(outline(text, POSTGRES_LEX)).toEqual(['1:CREATE', '4:DO', '5:SELECT']);
    expect(words(text, POSTGRES_LEX)).not.toContain('TRUNCATE');
  });

  it('a positional parameter ($1) is not a dollar quote', () => {
    expect(outline('PREPARE q AS SELECT $1; SELECT 2;', POSTGRES_LEX)).toEqual(['1:PREPARE', '1:SELECT']);
  });
});

describe('statement splitting', () => {
  it('gives each statement the 1-based line of its first keyword, after comments', () => {
    expect(outline(fixture('pg-release.sql'), POSTGRES_LEX)).toEqual([
      '8:SET',
      '10:CREATE',
      '12:INSERT',
      '14:COMMENT',
      '16:UPDATE',
      '18:UPDATE',
      '20:CREATE',
      '28:DO',
      '34:DELETE',
      '37:DROP',
    ]);
  });

  it('DELIMITER changes the terminator until it is set back', () => {
    expect(outline(fixture('mysql-procedures.sql'), MYSQL_LEX)).toEqual(['4:CREATE', '11:CREATE', '18:ALTER']);
  });

  it('GO alone on its line ends a T-SQL batch, even without a semicolon', () => {
    expect(outline(fixture('tsql-deploy.sql'), TSQL_LEX)).toEqual(['2:SET', '5:CREATE', '12:DROP', '15:TRUNCATE']);
  });

  it('GO inside a line is an ordinary word', () => {
    expect(outline('SELECT go FROM t GO\nGO\nSELECT 2', TSQL_LEX)).toEqual(['1:SELECT', '3:SELECT']);
  });

  it('BEGIN ATOMIC ... END keeps its semicolons inside one statement', () => {
    const text = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\nDROP TABLE t;';
    expect(outline(text, POSTGRES_LEX)).toEqual(['1:CREATE', '6:DROP']);
  });

  it('skips the rows of COPY ... FROM stdin up to \\.', () => {
    const text = 'COPY users (id, note) FROM stdin;\n1\tDROP TABLE users;\n2\tx\n\\.\nDELETE FROM t;\n';
    expect(outline(text, POSTGRES_LEX)).toEqual(['1:COPY', '5:DELETE']);
  });

  it('counts lines in UTF-16 text with multibyte characters before a statement', () => {
    expect(outline(fixture('utf8-before.sql'), POSTGRES_LEX)).toEqual(['2:INSERT', '3:COMMENT', '5:DELETE']);
  });
});

describe('skipping statements that cannot destroy data', () => {
  it('keeps no tokens for INSERT, SELECT, COMMENT... when asked to skip them', () => {
    const { statements } = scanStatements(fixture('pg-release.sql'), POSTGRES_LEX);
    const kept = statements.filter((s) => s.tokens !== null).map((s) => s.firstWord);
    expect(kept).toEqual(['SET', 'CREATE', 'UPDATE', 'UPDATE', 'CREATE', 'DO', 'DELETE', 'DROP']);
  });

  it('keeps only the first tokens of a CREATE TABLE: enough to name the table', () => {
    const columns = Array.from({ length: 40 }, (_, i) => `c${i} int`).join(', ');
    const [create] = scanStatements(`CREATE TABLE IF NOT EXISTS app.wide (${columns});`, POSTGRES_LEX).statements;
    expect(create?.tokens?.length).toBeLessThan(30);
    expect(create?.tokens?.slice(0, 8).map((t) => t.value)).toEqual(['CREATE', 'TABLE', 'IF', 'NOT', 'EXISTS', 'APP', '.', 'WIDE']);
  });

  it('keeps every token of a CREATE FUNCTION, whose body may destroy data', () => {
    const text = `CREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE sql AS 'DELETE FROM a' ${'/* pad */ '.repeat(30)};`;
    const [create] = scanStatements(text, POSTGRES_LEX).statements;
    expect(create?.tokens?.some((t) => t.type === 'string' && t.value === 'DELETE FROM a')).toBe(true);
  });
});
