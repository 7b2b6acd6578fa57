// The last resort for statements no grammar accepts: a classifier over tokens. Because it
// reads tokens from our own lexer, words inside comments and string literals never count.

import type { Dialect } from './dialect.js';
import { lexOptionsFor } from './dialect.js';
import { scanStatements, type Token } from './lexer.js';
import { DESTRUCTIVE_KINDS, tableKey, VOLATILE_FUNCTIONS, type SqlOp } from './sql-op.js';

/** A word token with one of these values. Loops pass their array through: no copy per token. */
const isWordIn = (t: Token | undefined, values: readonly string[]): boolean =>
  t !== undefined && t.type === 'word' && values.includes(t.value);
const isWord = (t: Token | undefined, ...values: string[]): boolean => isWordIn(t, values);
const isPunct = (t: Token | undefined, value: string): boolean => t !== undefined && t.type === 'punct' && t.value === value;

const isOr = (t: Token): boolean => t.type === 'word' && t.value === 'OR';
const isAnd = (t: Token): boolean => t.type === 'word' && t.value === 'AND';
const isComma = (t: Token): boolean => t.type === 'punct' && t.value === ',';
const isSemicolon = (t: Token): boolean => t.type === 'punct' && t.value === ';';

interface Name {
  /** As written, without quotes: `public.users`. */
  text: string;
  next: number;
}

/** A possibly qualified name starting at `i` (`schema.table`, `"x"`, `` `x` ``, `[dbo].[x]`). */
function readName(tokens: Token[], i: number): Name | null {
  const parts: string[] = [];
  let k = i;
  while (k < tokens.length) {
    const t = tokens[k];
    if (t === undefined || (t.type !== 'word' && t.type !== 'qident')) break;
    parts.push(t.type === 'word' ? t.value.toLowerCase() : t.value);
    k++;
    if (!isPunct(tokens[k], '.')) break;
    k++;
  }
  return parts.length === 0 ? null : { text: parts.join('.'), next: k };
}

function skipWords(tokens: Token[], i: number, ...words: string[]): number {
  let k = i;
  while (isWordIn(tokens[k], words)) k++;
  return k;
}

/** Splits tokens at depth-0 occurrences of a separator (commas, OR, AND). */
function splitTopLevel(tokens: Token[], isSeparator: (t: Token) => boolean): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    if (depth === 0 && isSeparator(t)) parts.push([]);
    else parts[parts.length - 1]?.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

function indexAtDepth0(tokens: Token[], from: number, ...words: string[]): number {
  let depth = 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && isWordIn(t, words)) return k;
  }
  return -1;
}

const tokenText = (t: Token): string =>
  t.type === 'string' ? `'${t.value}'` : t.type === 'qident' ? `"${t.value}"` : t.type === 'word' ? t.value : t.value;

/** A normalised statement text: the fingerprint of a statement no grammar accepted. */
export function tokenFingerprint(tokens: readonly Token[]): string {
  return tokens.map(tokenText).join(' ');
}

/** `1=1`, `TRUE`, `x = x`, `'a'='a'`, `1`: a condition that holds for every row. */
function isTautologicalAtom(tokens: Token[]): boolean {
  let ts = tokens;
  while (ts.length >= 2 && isPunct(ts[0], '(') && isPunct(ts[ts.length - 1], ')')) ts = ts.slice(1, -1);
  if (ts.length === 1) {
    const t = ts[0] as Token;
    return isWord(t, 'TRUE') || (t.type === 'number' && Number(t.value) !== 0);
  }
  if (ts.length === 2 && isWord(ts[0], 'NOT')) return isWord(ts[1], 'FALSE');
  const eq = ts.findIndex((t) => t.type === 'op' && (t.value === '=' || t.value === '=='));
  if (eq <= 0) return false;
  const left = tokenFingerprint(ts.slice(0, eq));
  const right = tokenFingerprint(ts.slice(eq + 1));
  return left !== '' && left === right;
}

/** True when some OR branch of the condition is made only of tautologies. */
export function isTautologicalWhere(tokens: Token[]): boolean {
  const disjuncts = splitTopLevel(tokens, isOr);
  return disjuncts.some((d) => splitTopLevel(d, isAnd).every(isTautologicalAtom));
}

function dmlOps(tokens: Token[], verb: 'DELETE' | 'UPDATE'): SqlOp[] {
  let k = 1;
  if (verb === 'DELETE') {
    k = skipWords(tokens, k, 'TOP', 'LOW_PRIORITY', 'QUICK', 'IGNORE');
    if (isPunct(tokens[k], '(')) k += 3;
    if (isWord(tokens[k], 'FROM')) k++;
  } else k = skipWords(tokens, k, 'LOW_PRIORITY', 'IGNORE', 'ONLY', 'OR', 'ROLLBACK', 'ABORT', 'REPLACE', 'FAIL');
  k = skipWords(tokens, k, 'ONLY');
  const name = readName(tokens, k);
  if (name === null) return [];
  const where = indexAtDepth0(tokens, name.next, 'WHERE');
  const kindNone = verb === 'DELETE' ? 'delete-without-where' : 'update-without-where';
  if (where < 0) {
    // A MySQL/T-SQL multi-table form limited by an inner JOIN ... ON is filtered.
    if (indexAtDepth0(tokens, name.next, 'JOIN') >= 0 && indexAtDepth0(tokens, name.next, 'ON') >= 0) return [];
    return [
      {
        kind: kindNone,
        summary: `${verb} ${verb === 'DELETE' ? 'FROM ' : ''}${name.text} without a WHERE clause`,
        detail: name.text,
        table: tableKey(name.text),
      },
    ];
  }
  if (isWord(tokens[where + 1], 'CURRENT')) return [];
  let end = tokens.length;
  const tail = indexAtDepth0(tokens, where + 1, 'RETURNING', 'ORDER', 'LIMIT', 'OUTPUT');
  if (tail >= 0) end = tail;
  if (isTautologicalWhere(tokens.slice(where + 1, end))) {
    const condition = tokens
      .slice(where + 1, end)
      .map(tokenText)
      .join(' ');
    return [
      {
        kind: 'tautological-where',
        summary: `${verb} ${name.text} WHERE ${condition}`,
        detail: `${verb}:${name.text}`,
        table: tableKey(name.text),
      },
    ];
  }
  return [];
}

function dropOps(tokens: Token[], dialect: Dialect): SqlOp[] {
  let k = skipWords(tokens, 1, 'TEMPORARY', 'TEMP');
  const cascade = tokens.some((t, idx) => idx > 1 && isWord(t, 'CASCADE'));
  if (isWord(tokens[k], 'OWNED'))
    return [
      {
        kind: 'drop-owned-or-cascade',
        summary: `DROP OWNED BY ${tokens
          .slice(k + 2)
          .map(tokenText)
          .join(' ')}`.trim(),
        detail: 'owned',
      },
    ];
  let object = tokens[k]?.value ?? '';
  k++;
  if (object === 'MATERIALIZED' && isWord(tokens[k], 'VIEW')) {
    object = 'MATERIALIZED VIEW';
    k++;
  }
  const concurrently = isWord(tokens[k], 'CONCURRENTLY');
  if (concurrently) k++;
  if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'EXISTS')) k += 2;
  const names: string[] = [];
  while (k < tokens.length) {
    const name = readName(tokens, k);
    if (name === null) break;
    names.push(name.text);
    k = name.next;
    if (!isPunct(tokens[k], ',')) break;
    k++;
  }
  const suffix = cascade ? ' CASCADE' : '';
  switch (object) {
    case 'TABLE':
      return names.map((n) => ({ kind: 'drop-table', summary: `DROP TABLE ${n}${suffix}`, detail: n, cascade, table: tableKey(n) }));
    case 'DATABASE':
      return names.map((n) => ({ kind: 'drop-database', summary: `DROP DATABASE ${n}`, detail: n }));
    case 'SCHEMA':
      return names.map((n) => ({ kind: 'drop-schema', summary: `DROP SCHEMA ${n}${suffix}`, detail: n, cascade }));
    case 'VIEW':
    case 'MATERIALIZED VIEW':
      return names.map((n) => ({ kind: 'drop-view', summary: `DROP ${object} ${n}${suffix}`, detail: n, cascade, table: tableKey(n) }));
    case 'INDEX': {
      if (dialect !== 'postgres' || concurrently) return [];
      return names.map((n) => ({
        kind: 'index-without-concurrently',
        summary: `DROP INDEX ${n} without CONCURRENTLY`,
        detail: `drop:${n}`,
        index: tableKey(n),
      }));
    }
    default:
      if (!cascade || object === '') return [];
      return [
        {
          kind: 'drop-owned-or-cascade',
          summary: `DROP ${object} ${names.join(', ')} CASCADE`,
          detail: `${object}:${names.join(',')}`,
          cascade: true,
        },
      ];
  }
}

const NOT_A_COLUMN = new Set([
  'CONSTRAINT',
  'INDEX',
  'KEY',
  'PRIMARY',
  'FOREIGN',
  'CHECK',
  'PARTITION',
  'DEFAULT',
  'UNIQUE',
  'FULLTEXT',
  'SPATIAL',
  'SYSTEM',
  'PERIOD',
  'NOT',
  'IDENTITY',
  'EXPRESSION',
]);

function alterActionOps(action: Token[], table: string, dialect: Dialect): SqlOp[] {
  const key = tableKey(table);
  const verb = action[0]?.value;
  if (verb === 'DROP') {
    let k = 1;
    const explicit = isWord(action[k], 'COLUMN');
    if (explicit) k++;
    else if (dialect === 'tsql' || action[k] === undefined || (action[k]?.type === 'word' && NOT_A_COLUMN.has(action[k]?.value ?? '')))
      return [];
    if (isWord(action[k], 'IF') && isWord(action[k + 1], 'EXISTS')) k += 2;
    const col = readName(action, k);
    if (col === null) return [];
    const cascade = action.some((t) => isWord(t, 'CASCADE'));
    return [
      {
        kind: 'drop-column',
        summary: `ALTER TABLE ${table} DROP COLUMN ${col.text}${cascade ? ' CASCADE' : ''}`,
        detail: `${table}.${col.text}`,
        cascade,
        table: key,
      },
    ];
  }
  if (verb === 'RENAME') {
    let k = 1;
    if (isWord(action[k], 'CONSTRAINT', 'INDEX', 'KEY')) return [];
    if (isWord(action[k], 'TO', 'AS')) {
      const to = readName(action, k + 1);
      return [{ kind: 'rename', summary: `ALTER TABLE ${table} RENAME TO ${to?.text ?? '?'}`, detail: `table:${table}`, table: key }];
    }
    if (isWord(action[k], 'COLUMN')) k++;
    const from = readName(action, k);
    const to = from === null ? null : readName(action, from.next + 1);
    if (from === null) return [];
    return [
      {
        kind: 'rename',
        summary: `ALTER TABLE ${table} RENAME COLUMN ${from.text} TO ${to?.text ?? '?'}`,
        detail: `column:${table}.${from.text}`,
        table: key,
      },
    ];
  }
  if (verb === 'MODIFY' || verb === 'CHANGE') {
    let k = 1;
    if (isWord(action[k], 'COLUMN')) k++;
    const col = readName(action, k);
    if (col === null) return [];
    if (verb === 'CHANGE') {
      const to = readName(action, col.next);
      if (to !== null && to.text !== col.text)
        return [
          {
            kind: 'rename',
            summary: `ALTER TABLE ${table} CHANGE ${col.text} ${to.text}`,
            detail: `column:${table}.${col.text}`,
            table: key,
          },
        ];
    }
    return [
      { kind: 'alter-column-type', summary: `ALTER TABLE ${table} ${verb} COLUMN ${col.text}`, detail: `${table}.${col.text}`, table: key },
    ];
  }
  if (verb === 'ALTER') {
    let k = 1;
    if (isWord(action[k], 'COLUMN')) k++;
    const col = readName(action, k);
    if (col === null) return [];
    const rest = action.slice(col.next);
    if (isWord(rest[0], 'TYPE') || (isWord(rest[0], 'SET') && isWord(rest[1], 'DATA'))) {
      return [
        {
          kind: 'alter-column-type',
          summary: `ALTER TABLE ${table} ALTER COLUMN ${col.text} TYPE ${rest
            .slice(isWord(rest[0], 'TYPE') ? 1 : 3)
            .map(tokenText)
            .join(' ')}`.trim(),
          detail: `${table}.${col.text}`,
          table: key,
        },
      ];
    }
    if (isWord(rest[0], 'SET') && isWord(rest[1], 'NOT') && isWord(rest[2], 'NULL')) {
      return [
        {
          kind: 'set-not-null',
          summary: `ALTER TABLE ${table} ALTER COLUMN ${col.text} SET NOT NULL`,
          detail: `${table}.${col.text}`,
          table: key,
        },
      ];
    }
    // SQL Server: ALTER COLUMN c <type> [NULL | NOT NULL] redefines the column.
    if (dialect === 'tsql' && rest[0]?.type === 'word') {
      return [
        {
          kind: 'alter-column-type',
          summary: `ALTER TABLE ${table} ALTER COLUMN ${col.text} ${rest.map(tokenText).join(' ')}`,
          detail: `${table}.${col.text}`,
          table: key,
        },
      ];
    }
    return [];
  }
  if (verb === 'ADD') {
    let k = 1;
    if (isWord(action[k], 'CONSTRAINT')) {
      const name = readName(action, k + 1);
      k = name?.next ?? k + 2;
    }
    if (isWord(action[k], 'FOREIGN', 'CHECK')) {
      const notValid = action.some((t, idx) => isWord(t, 'NOT') && isWord(action[idx + 1], 'VALID'));
      if (notValid) return [];
      const what = isWord(action[k], 'FOREIGN') ? 'FOREIGN KEY' : 'CHECK';
      return [
        {
          kind: 'constraint-without-not-valid',
          summary: `ALTER TABLE ${table} ADD ${what} constraint without NOT VALID`,
          detail: `${table}:${tokenFingerprint(action)}`,
          table: key,
        },
      ];
    }
    if (isWord(action[k], 'COLUMN')) k++;
    if (isWord(action[k], 'IF') && isWord(action[k + 2], 'EXISTS')) k += 3;
    const col = readName(action, k);
    const def = indexAtDepth0(action, k, 'DEFAULT');
    if (col === null || def < 0) return [];
    const fn = action[def + 1];
    if (fn !== undefined && fn.type === 'word' && VOLATILE_FUNCTIONS.has(fn.value.toLowerCase()) && isPunct(action[def + 2], '(')) {
      return [
        {
          kind: 'volatile-default',
          summary: `ALTER TABLE ${table} ADD COLUMN ${col.text} DEFAULT ${fn.value.toLowerCase()}()`,
          detail: `${table}.${col.text}`,
          table: key,
        },
      ];
    }
  }
  return [];
}

function alterOps(tokens: Token[], dialect: Dialect): SqlOp[] {
  let k = 1;
  if (!isWord(tokens[k], 'TABLE')) return [];
  k = skipWords(tokens, k + 1, 'ONLY');
  if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'EXISTS')) k += 2;
  k = skipWords(tokens, k, 'ONLY');
  const name = readName(tokens, k);
  if (name === null) return [];
  return splitTopLevel(tokens.slice(name.next), isComma).flatMap((a) => alterActionOps(a, name.text, dialect));
}

function createIndexOps(tokens: Token[], dialect: Dialect): SqlOp[] {
  const idx = tokens.findIndex((t) => isWord(t, 'INDEX'));
  if (idx < 0 || dialect !== 'postgres') return [];
  if (isWord(tokens[idx + 1], 'CONCURRENTLY')) return [];
  const on = indexAtDepth0(tokens, idx, 'ON');
  if (on < 0) return [];
  const table = readName(tokens, skipWords(tokens, on + 1, 'ONLY'));
  if (table === null) return [];
  const name = readName(tokens, skipWords(tokens, idx + 1, 'IF', 'NOT', 'EXISTS'));
  const label = name !== null && name.next <= on ? name.text : '';
  return [
    {
      kind: 'index-without-concurrently',
      summary: `CREATE INDEX ${label ? label + ' ' : ''}ON ${table.text} without CONCURRENTLY`,
      detail: `create:${table.text}:${tokenFingerprint(tokens.slice(on))}`,
      table: tableKey(table.text),
    },
  ];
}

/** Literals concatenated into dynamic SQL (`'DROP TABLE ' || t`, format('DROP TABLE %I', t)) as one text. */
export function dynamicSqlText(tokens: readonly Token[]): string {
  // Each literal is followed by a placeholder for what is concatenated after it ('DROP TABLE ' || t).
  return tokens
    .filter((t) => t.type === 'string')
    .map((t) => `${t.value.replace(/%[-\d]*[IsLl]/g, ' x ').replace(/@\w+/g, ' x ')} x`)
    .join(' ');
}

/** Destructive statements inside the strings of EXECUTE/EXEC/PREPARE/SET @s = '...'. */
export function dynamicOps(text: string, dialect: Dialect, verb: string): SqlOp[] {
  if (text.trim() === '') return [];
  const inner = scanStatements(text, lexOptionsFor(dialect), false).statements.flatMap((s) => classifyTokens(s.tokens ?? [], dialect, 1));
  return inner
    .filter((op) => DESTRUCTIVE_KINDS.has(op.kind))
    .map((op) => ({
      kind: 'dynamic-destructive-sql',
      summary: `${verb} builds ${op.summary}`,
      detail: `${verb}:${op.kind}:${op.detail}`,
      cascade: op.cascade,
    }));
}

const BODY_STATEMENT_STARTS = new Set(['DROP', 'TRUNCATE', 'DELETE', 'UPDATE', 'ALTER', 'EXECUTE', 'EXEC', 'RENAME', 'PREPARE', 'SET']);
const BODY_BOUNDARIES = new Set(['BEGIN', 'THEN', 'ELSE', 'LOOP', 'DO', 'AS', 'ATOMIC']);

/**
 * Statements inside a procedural body (PL/pgSQL, T-SQL, MySQL procedures): a statement
 * keyword at the start of a `;`-separated piece or right after BEGIN/THEN/ELSE/LOOP.
 */
export function bodyOps(tokens: Token[], dialect: Dialect, context: string, depth: number, absoluteLines = false): SqlOp[] {
  const out: SqlOp[] = [];
  for (const piece of splitTopLevel(tokens, isSemicolon)) {
    const start = piece.findIndex(
      (t, idx) =>
        t.type === 'word' &&
        BODY_STATEMENT_STARTS.has(t.value) &&
        (idx === 0 ||
          (piece[idx - 1]?.type === 'word' && BODY_BOUNDARIES.has(piece[idx - 1]?.value ?? '')) ||
          piece[idx - 1]?.value === '>>'),
    );
    if (start < 0) continue;
    const line = absoluteLines ? piece[start]?.line : undefined;
    for (const op of classifyTokens(piece.slice(start), dialect, depth + 1))
      out.push({ ...op, detail: `${context}:${op.detail}`, note: op.note ?? `inside ${context}`, ...(line === undefined ? {} : { line }) });
  }
  return out;
}

/** Operations of one statement's tokens. `depth` stops runaway recursion into nested bodies. */
export function classifyTokens(tokens: Token[], dialect: Dialect, depth = 0): SqlOp[] {
  const first = tokens[0];
  if (first === undefined || first.type !== 'word' || depth > 3) return [];
  switch (first.value) {
    case 'DROP':
      return dropOps(tokens, dialect);
    case 'TRUNCATE': {
      let k = skipWords(tokens, 1, 'TABLE', 'ONLY');
      const cascade = tokens.some((t) => isWord(t, 'CASCADE'));
      const out: SqlOp[] = [];
      while (k < tokens.length) {
        const name = readName(tokens, k);
        if (name === null) break;
        out.push({
          kind: 'truncate',
          summary: `TRUNCATE ${name.text}${cascade ? ' CASCADE' : ''}`,
          detail: name.text,
          cascade,
          table: tableKey(name.text),
        });
        k = name.next;
        if (isPunct(tokens[k], '*')) k++;
        if (!isPunct(tokens[k], ',')) break;
        k++;
      }
      return out;
    }
    case 'DELETE':
    case 'UPDATE':
      return dmlOps(tokens, first.value);
    case 'WITH': {
      const main = indexAtDepth0(tokens, 1, 'DELETE', 'UPDATE');
      return main < 0 ? [] : classifyTokens(tokens.slice(main), dialect, depth + 1);
    }
    case 'ALTER':
      return alterOps(tokens, dialect);
    case 'RENAME': {
      if (!isWord(tokens[1], 'TABLE')) return [];
      const from = readName(tokens, 2);
      if (from === null) return [];
      return [{ kind: 'rename', summary: `RENAME TABLE ${from.text}`, detail: `table:${from.text}`, table: tableKey(from.text) }];
    }
    case 'CREATE': {
      const words = tokens.slice(1, 5).map((t) => t.value);
      if (words.includes('INDEX')) return createIndexOps(tokens, dialect);
      if (words.includes('FUNCTION') || words.includes('PROCEDURE') || words.includes('PROC') || words.includes('TRIGGER')) {
        const name = readName(tokens, tokens.findIndex((t) => isWord(t, 'FUNCTION', 'PROCEDURE', 'PROC', 'TRIGGER')) + 1);
        const context = `${words.includes('TRIGGER') ? 'trigger' : 'function'} ${name?.text ?? ''}`.trim();
        const bodies = tokens.filter((t) => t.type === 'string' && t.value.length > 20);
        const fromStrings = bodies.flatMap((b) =>
          bodyOps(
            scanStatements(b.value, lexOptionsFor(dialect), false).statements.flatMap((s) => [...(s.tokens ?? []), semicolon(s.tokens)]),
            dialect,
            context,
            depth,
          ),
        );
        return [...fromStrings, ...bodyOps(tokens.slice(1), dialect, context, depth, depth === 0)];
      }
      return [];
    }
    case 'DO': {
      const body = tokens.find((t) => t.type === 'string');
      if (body === undefined) return [];
      const inner = scanStatements(body.value, lexOptionsFor(dialect), false).statements.flatMap((s) => [
        ...(s.tokens ?? []),
        semicolon(s.tokens),
      ]);
      return bodyOps(inner, dialect, 'a DO block', depth);
    }
    case 'EXECUTE':
    case 'EXEC':
    case 'PREPARE':
    case 'PERFORM': {
      if (first.value.startsWith('EXEC') && tokens.some((t) => t.type === 'word' && t.value === 'SP_RENAME')) {
        return [
          {
            kind: 'rename',
            summary: `sp_rename ${tokens
              .filter((t) => t.type === 'string')
              .map((t) => `'${t.value}'`)
              .join(', ')}`,
            detail: `sp_rename:${tokenFingerprint(tokens)}`,
          },
        ];
      }
      return dynamicOps(dynamicSqlText(tokens), dialect, first.value);
    }
    case 'SET':
      return tokens.some((t) => t.type === 'string') && tokens.some((t) => t.type === 'op' && t.value.startsWith('@'))
        ? dynamicOps(dynamicSqlText(tokens), dialect, 'SET')
        : [];
    default:
      return [];
  }
}

/** A `;` token after a statement's tokens, so a body's statements stay separated once flattened. */
function semicolon(tokens: Token[] | null): Token {
  const last = tokens?.[tokens.length - 1];
  return { type: 'punct', value: ';', start: last?.end ?? 0, end: last?.end ?? 0, line: last?.line ?? 1 };
}

/** The table a CREATE TABLE statement creates, lower-cased without schema, or null. */
export function createdTable(tokens: readonly Token[]): string | null {
  if (!isWord(tokens[0], 'CREATE')) return null;
  const t = tokens.findIndex((tok, idx) => idx < 6 && isWord(tok, 'TABLE'));
  if (t < 0) return null;
  let k = t + 1;
  if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'NOT') && isWord(tokens[k + 2], 'EXISTS')) k += 3;
  const name = readName(tokens as Token[], k);
  return name === null ? null : tableKey(name.text);
}

/** The index a CREATE INDEX statement creates, or null. */
export function createdIndex(tokens: readonly Token[]): string | null {
  if (!isWord(tokens[0], 'CREATE')) return null;
  const idx = tokens.findIndex((tok, i) => i < 4 && isWord(tok, 'INDEX'));
  if (idx < 0) return null;
  const name = readName(tokens as Token[], skipWords(tokens as Token[], idx + 1, 'CONCURRENTLY', 'IF', 'NOT', 'EXISTS'));
  return name === null || name.text === 'on' ? null : tableKey(name.text);
}
