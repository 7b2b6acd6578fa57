// Call patterns over lexer tokens: `recv.name(args)`, Ruby/Elixir paren-less commands
// (`drop_table :users`), argument splitting, and the code ranges that only run on rollback.

import { extractSqlOperations } from '../sql.js';
import type { DbOperation, DbOperationKind } from '../../operations.js';
import { INTERPOLATION, type Lang, type Token } from './lexer.js';

export interface Arg {
  tokens: Token[];
  /** Keyword name for `name=value` (Python), `name: value` (Ruby, Elixir, C#, JS object keys are not args). */
  key?: string;
}

export interface Call {
  name: string;
  /** Words before the name, nearest first: `knex.schema.dropTable` -> ['schema', 'knex']. */
  receiver: string[];
  /** Token index of the name. */
  index: number;
  line: number;
  args: Arg[];
  /** Token index just after the call's arguments. */
  end: number;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Index of the bracket closing the one at `open`, or the last token. */
export function matching(tokens: readonly Token[], open: number): number {
  const o = tokens[open]?.value ?? '';
  const c = OPEN[o];
  if (c === undefined) return open;
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.type !== 'punct') continue;
    if (t.value === o) depth++;
    else if (t.value === c && --depth === 0) return k;
  }
  return tokens.length - 1;
}

function isOpen(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'punct' && OPEN[t.value] !== undefined;
}

/** Splits tokens[from, to) at top-level commas, recognising keyword arguments. */
export function splitArgs(tokens: readonly Token[], from: number, to: number, lang: Lang): Arg[] {
  const args: Arg[] = [];
  let cur: Token[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    const [a, b] = cur;
    const kwSep = lang === 'python' ? '=' : ':';
    if (a && b && a.type === 'word' && b.type === 'punct' && b.value === kwSep && cur.length > 2) {
      args.push({ tokens: cur.slice(2), key: a.value });
    } else args.push({ tokens: cur });
    cur = [];
  };
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (isOpen(t)) {
      const e = Math.min(matching(tokens, k), to - 1);
      for (let j = k; j <= e; j++) cur.push(tokens[j] as Token);
      k = e;
      continue;
    }
    if (t.type === 'punct' && t.value === ',') flush();
    else cur.push(t);
  }
  flush();
  return args;
}

function receiverOf(tokens: readonly Token[], index: number): string[] {
  const out: string[] = [];
  let k = index - 1;
  while (k > 0) {
    const sep = tokens[k] as Token;
    if (sep.type !== 'punct' || !['.', '->', '::', '?.'].includes(sep.value)) break;
    let r = k - 1;
    // Skip a call's arguments in a chain: knex.schema.table('x', ...).dropColumn
    if (tokens[r]?.type === 'punct' && tokens[r]?.value === ')') {
      let depth = 0;
      for (; r >= 0; r--) {
        const t = tokens[r] as Token;
        if (t.type === 'punct' && t.value === ')') depth++;
        else if (t.type === 'punct' && t.value === '(' && --depth === 0) break;
      }
      r--;
    }
    const w = tokens[r];
    if (!w || w.type !== 'word') break;
    out.push(w.value);
    k = r - 1;
  }
  return out;
}

/** Calls written with parentheses: `name(...)`, `recv.name(...)`, `Name<T>(...)` (C# generics). */
export function parenCalls(tokens: readonly Token[], lang: Lang): Call[] {
  const calls: Call[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.type !== 'word') continue;
    let p = k + 1;
    if (lang === 'csharp' && tokens[p]?.value === '<') {
      while (p < tokens.length && tokens[p]?.value !== '>' && tokens[p]?.value !== '(') p++;
      p++;
    }
    const open = tokens[p];
    if (!open || open.type !== 'punct' || open.value !== '(') continue;
    const close = matching(tokens, p);
    calls.push({
      name: t.value,
      receiver: receiverOf(tokens, k),
      index: k,
      line: t.line,
      args: splitArgs(tokens, p + 1, close, lang),
      end: close + 1,
    });
  }
  return calls;
}

const STATEMENT_PREFIX = new Set(['do', '{', '|', ';', '->', 'then', 'else']);

/**
 * Ruby and Elixir commands without parentheses, at the start of a statement:
 * `drop_table :users, if_exists: true`, `remove :email`, `execute "..."`, `t.remove :a`.
 * The arguments run to the end of the line, continued by a trailing comma or backslash or
 * an open bracket.
 */
export function commandCalls(tokens: readonly Token[], lang: Lang): Call[] {
  const calls: Call[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.type !== 'word') continue;
    // Optional receiver: `t.remove :x` (the receiver starts the statement).
    let start = k;
    if (tokens[k - 1]?.value === '.' && tokens[k - 2]?.type === 'word') start = k - 2;
    const prev = tokens[start - 1];
    // Elixir keyword blocks start a statement too: `def down, do: drop table(:x)`.
    const afterDo = prev?.value === ':' && tokens[start - 2]?.value === 'do';
    const atStart = (tokens[start] as Token).first || afterDo || (prev !== undefined && STATEMENT_PREFIX.has(prev.value));
    if (!atStart) continue;
    const next = tokens[k + 1];
    if (!next || next.line !== t.line) continue;
    if (next.type === 'punct' && !['[', '-', '*', '{'].includes(next.value)) continue;
    if (next.type === 'word' && ['do', 'if', 'unless', 'and', 'or', 'then', 'end'].includes(next.value)) continue;
    // Collect argument tokens to the end of the logical line.
    let e = k + 1;
    let line = t.line;
    while (e < tokens.length) {
      const u = tokens[e] as Token;
      if (u.line !== line) {
        const last = tokens[e - 1] as Token;
        if (!(last.type === 'punct' && (last.value === ',' || last.value === '\\'))) break;
        line = u.line;
      }
      if (u.type === 'word' && (u.value === 'do' || u.value === 'if' || u.value === 'unless')) break;
      if (u.type === 'punct' && (u.value === ';' || u.value === '}' || u.value === ')')) break;
      if (isOpen(u)) {
        // A `{` after arguments is a block in Ruby, never an argument.
        if (u.value === '{' && lang === 'ruby' && e > k + 1) break;
        const m = matching(tokens, e);
        line = (tokens[m] as Token).line;
        e = m + 1;
        continue;
      }
      e++;
    }
    calls.push({ name: t.value, receiver: receiverOf(tokens, k), index: k, line: t.line, args: splitArgs(tokens, k + 1, e, lang), end: e });
  }
  return calls;
}

/** A literal name from an argument: `:users`, `"users"`, `'users'`, `table(:users)` (Elixir). */
export function literal(arg: Arg | undefined): string | undefined {
  if (!arg) return undefined;
  const ts = arg.tokens;
  const first = ts[0];
  if (!first) return undefined;
  if ((first.type === 'string' || first.type === 'symbol') && ts.length === 1) return first.value;
  // table(:users) / table("users", prefix: ...) / new Table({ name: "users" })
  if (first.type === 'word' && ts[1]?.value === '(') {
    const inner = ts[2];
    if (inner && (inner.type === 'string' || inner.type === 'symbol')) return inner.value;
  }
  return undefined;
}

/** Keyword argument by name, or positional argument `pos` (counting only positional ones). */
export function argument(args: readonly Arg[], key: string | undefined, pos: number): Arg | undefined {
  if (key !== undefined) {
    const k = args.find((a) => a.key === key);
    if (k) return k;
  }
  return args.filter((a) => a.key === undefined)[pos];
}

/** Positional literals: `remove_columns :users, :a, :b` -> ['users', 'a', 'b']. */
export function literals(args: readonly Arg[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a.key !== undefined) continue;
    const l = literal(a);
    if (l !== undefined) out.push(l);
    else if (a.tokens[0]?.value === '[') {
      for (const t of a.tokens) if (t.type === 'string' || t.type === 'symbol') out.push(t.value);
    }
  }
  return out;
}

/** Simple constants `NAME = "..."` (optionally `const`/`let`), so `op.execute(SQL)` can be resolved. */
export function stringConstants(tokens: readonly Token[]): Map<string, Token[]> {
  const out = new Map<string, Token[]>();
  for (let k = 0; k + 2 < tokens.length; k++) {
    const name = tokens[k] as Token;
    const eq = tokens[k + 1] as Token;
    if (name.type !== 'word' || eq.type !== 'punct' || eq.value !== '=') continue;
    const strings: Token[] = [];
    let j = k + 2;
    if (tokens[j]?.value === '(') j++;
    while (tokens[j]?.type === 'string') {
      strings.push(tokens[j] as Token);
      j++;
      if (tokens[j]?.value === '+' || tokens[j]?.value === '.') j++;
    }
    if (strings.length > 0) out.set(name.value, strings);
  }
  return out;
}

export interface SqlPiece {
  sql: string;
  line: number;
}

/**
 * The SQL text of an argument: its string literals concatenated (`"DROP TABLE " + name`),
 * with non-literal parts as a placeholder, constants resolved, and a list of strings
 * (Django `RunSQL([...])`) split into one piece per element.
 */
export function sqlPieces(arg: Arg | undefined, constants: ReadonlyMap<string, Token[]> = new Map()): SqlPiece[] {
  if (!arg) return [];
  const ts = arg.tokens;
  if (ts[0]?.value === '[' || ts[0]?.value === '(') {
    // A list of statements, or a list of (sql, params) tuples: each string starting an element.
    const pieces: SqlPiece[] = [];
    for (const sub of splitArgs(ts, 1, ts.length - 1, 'python')) pieces.push(...sqlPieces(sub, constants));
    if (pieces.length > 0 || ts[0]?.value === '[') return pieces;
  }
  let sql = '';
  let line = 0;
  let pendingExpr = false;
  for (const t of ts) {
    let strings: Token[] | undefined;
    if (t.type === 'string') strings = [t];
    else if (t.type === 'word' && constants.has(t.value)) strings = constants.get(t.value);
    if (strings) {
      for (const s of strings) {
        if (line === 0) line = s.contentLine;
        if (pendingExpr) sql += INTERPOLATION;
        pendingExpr = false;
        sql += s.value;
      }
      continue;
    }
    if (t.type === 'punct' && ['+', '.', '(', ')', '%'].includes(t.value)) continue;
    if (t.type === 'word' && ['text', 'sa', 'sqlalchemy', 'format', 'new', 'sql', 'raw', 'RawSql'].includes(t.value)) continue;
    if (sql !== '') pendingExpr = true;
  }
  return line === 0 ? [] : [{ sql, line }];
}

export interface OpInput {
  kind: DbOperationKind;
  line: number;
  summary: string;
  /** Parts of the identity after the source: ['drop_table', 'users']. */
  identity: readonly string[];
  source: string;
  rollback: boolean;
  production?: boolean;
}

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** A framework operation whose fingerprint ignores position, quoting and letter case. */
export function op(input: OpInput): DbOperation {
  const fp = [input.source, ...input.identity.map(norm)].join(':') + (input.rollback ? '@rollback' : '');
  const out: DbOperation = {
    kind: input.kind,
    line: input.line,
    summary: input.summary,
    fingerprint: fp,
    source: input.source,
    rollback: input.rollback,
  };
  if (input.production) out.production = true;
  return out;
}

/** Embedded SQL, classified by the one SQL engine; rollback-only SQL keeps a distinct identity. */
export function embeddedSql(pieces: readonly SqlPiece[], source: string, rollback: boolean, production = false): DbOperation[] {
  const out: DbOperation[] = [];
  for (const p of pieces) {
    for (const o of extractSqlOperations(p.sql, { baseLine: p.line, source, rollback, production })) {
      // The same SQL aimed at production (or run only on rollback) is a different risk.
      let fingerprint = rollback && !o.fingerprint.endsWith('@rollback') ? `${o.fingerprint}@rollback` : o.fingerprint;
      if (production) fingerprint += '@production';
      out.push({ ...o, fingerprint, rollback: o.rollback || rollback, ...(production ? { production: true } : {}) });
    }
  }
  return out;
}

export type Range = readonly [number, number];

export function inRanges(ranges: readonly Range[], index: number): boolean {
  return ranges.some(([a, b]) => index >= a && index <= b);
}

/**
 * Token ranges of brace-bodied definitions whose name matches: `function down() {...}`,
 * `async down(queryInterface) {...}`, `exports.down = (knex) => knex.schema...;`,
 * `down: async () => {...}`, `protected override void Down(...) {...}`.
 */
export function braceBodies(tokens: readonly Token[], names: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.type !== 'word' || !names.has(t.value)) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    // A definition, not a call: preceded by function/void/.../`exports.` or followed by `=`/`:`, or a method `down(...) {`.
    const definitionLike =
      (prev && prev.type === 'word' && ['function', 'void', 'async', 'Task', 'public', 'def', 'fn'].includes(prev.value)) ||
      (prev?.value === '.' && tokens[k - 2]?.value === 'exports') ||
      (next && next.type === 'punct' && (next.value === '=' || next.value === ':')) ||
      (next?.value === '(' && tokens[matching(tokens, k + 1) + 1]?.value === '{') ||
      (next?.value === '(' && tokens[matching(tokens, k + 1) + 1]?.value === ':');
    if (!definitionLike) continue;
    // Find the body: first `{` (skipping a parameter list and return type) or an arrow expression.
    let j = k + 1;
    let end = -1;
    for (; j < tokens.length; j++) {
      const u = tokens[j] as Token;
      if (u.type !== 'punct') continue;
      if (u.value === '(') {
        j = matching(tokens, j);
        continue;
      }
      if (u.value === '{') {
        end = matching(tokens, j);
        break;
      }
      if (u.value === '=>' && tokens[j + 1]?.value !== '{' && tokens[j + 1]?.value !== '(') {
        // Expression body: to the end of the statement at this depth.
        let depth = 0;
        let e = j + 1;
        for (; e < tokens.length; e++) {
          const v = tokens[e] as Token;
          if (v.type !== 'punct') continue;
          if (OPEN[v.value]) depth++;
          else if (v.value === ')' || v.value === ']' || v.value === '}') {
            if (depth === 0) break;
            depth--;
          } else if (depth === 0 && (v.value === ';' || v.value === ',')) break;
        }
        end = e;
        break;
      }
      if (u.value === ';' || u.value === ',') break;
    }
    if (end > k) ranges.push([k, end]);
  }
  return ranges;
}

/** Python `def name(...):` bodies, by indentation. */
export function pythonDefs(tokens: readonly Token[], match: (name: string) => boolean): Range[] {
  const ranges: Range[] = [];
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.type !== 'word' || t.value !== 'def' || !match((tokens[k + 1] as Token).value)) continue;
    let e = k + 2;
    let pastHeader = false;
    for (; e < tokens.length; e++) {
      const u = tokens[e] as Token;
      if (!pastHeader) {
        if (u.value === '(') e = matching(tokens, e);
        else if (u.value === ':') pastHeader = true;
        continue;
      }
      if (u.first && u.col <= t.col) break;
    }
    ranges.push([k, e - 1]);
  }
  return ranges;
}

const RUBY_OPENERS = new Set(['def', 'class', 'module', 'do', 'begin', 'case']);
const RUBY_CONDITIONALS = new Set(['if', 'unless', 'while', 'until', 'for']);

/** Index of the `end` closing the block opened at `start` (Ruby and Elixir do/end syntax). */
export function blockEnd(tokens: readonly Token[], start: number, lang: Lang): number {
  let depth = 0;
  for (let k = start; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.type !== 'word') continue;
    // Elixir keyword forms `do:` and Ruby hash keys `do:` are not blocks.
    if (tokens[k + 1]?.value === ':' && tokens[k + 1]?.line === t.line && t.value !== 'end') continue;
    const prev = tokens[k - 1];
    if (lang === 'elixir') {
      if (t.value === 'do' || t.value === 'fn') depth++;
      else if (t.value === 'end' && --depth === 0) return k;
      continue;
    }
    const statementStart = t.first || (prev !== undefined && ['=', '(', ';', ',', '||', '&&'].includes(prev.value));
    if (RUBY_OPENERS.has(t.value)) {
      // `while x do` opens one block, not two.
      if (
        t.value === 'do' &&
        tokens.slice(Math.max(start, k - 12), k).some((u) => u.first && RUBY_CONDITIONALS.has(u.value) && u.line === t.line)
      )
        continue;
      depth++;
    } else if (RUBY_CONDITIONALS.has(t.value) && statementStart) depth++;
    else if (t.value === 'end' && --depth === 0) return k;
  }
  return tokens.length - 1;
}

/** Ruby `def down`/`def self.down` and Elixir `def down do` bodies. */
export function doEndDefs(tokens: readonly Token[], name: string, lang: Lang): Range[] {
  const ranges: Range[] = [];
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.type !== 'word' || t.value !== 'def') continue;
    let nameIdx = k + 1;
    if (tokens[nameIdx]?.value === 'self' && tokens[nameIdx + 1]?.value === '.') nameIdx += 2;
    if (tokens[nameIdx]?.value !== name) continue;
    // Elixir one-liner: def down, do: drop table(:x)
    if (lang === 'elixir' && tokens[nameIdx + 1]?.value === ',') {
      let e = nameIdx + 1;
      while (e + 1 < tokens.length && !(tokens[e + 1] as Token).first) e++;
      ranges.push([k, e]);
      continue;
    }
    if (lang === 'elixir') {
      let d = nameIdx + 1;
      while (d < tokens.length && tokens[d]?.value !== 'do') d++;
      ranges.push([k, blockEnd(tokens, d, lang)]);
    } else ranges.push([k, blockEnd(tokens, k, lang)]);
  }
  return ranges;
}
