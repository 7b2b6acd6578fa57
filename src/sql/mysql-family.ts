// The second grammar, for statements PostgreSQL rejects: node-sql-parser's MySQL/MariaDB,
// SQL Server and SQLite builds (only these three are bundled). It adds precision over the
// token classifier for DML conditions and ALTER TABLE actions.

import mysqlBuild from 'node-sql-parser/build/mysql.js';
import sqliteBuild from 'node-sql-parser/build/sqlite.js';
import tsqlBuild from 'node-sql-parser/build/transactsql.js';
import type { Dialect } from './dialect.js';
import { tableKey, type SqlOp } from './sql-op.js';

type Node = Record<string, unknown>;
interface AstParser {
  astify(sql: string, options?: { database?: string }): unknown;
}
interface ParserBuild {
  Parser: new () => AstParser;
}

const asNode = (v: unknown): Node | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const parsers = new Map<string, AstParser>();
function parserFor(name: 'mysql' | 'tsql' | 'sqlite'): AstParser {
  let p = parsers.get(name);
  if (p === undefined) {
    const build = (name === 'mysql' ? mysqlBuild : name === 'tsql' ? tsqlBuild : sqliteBuild) as unknown as ParserBuild;
    p = new build.Parser();
    parsers.set(name, p);
  }
  return p;
}

const GRAMMARS: Record<Dialect, { name: 'mysql' | 'tsql' | 'sqlite'; database: string }[]> = {
  mysql: [{ name: 'mysql', database: 'MySQL' }],
  tsql: [{ name: 'tsql', database: 'TransactSQL' }],
  postgres: [
    { name: 'sqlite', database: 'Sqlite' },
    { name: 'mysql', database: 'MySQL' },
  ],
};

export interface MysqlFamilyResult {
  ops: SqlOp[];
  /** Human name of the grammar that accepted the statement. */
  grammar: string;
}

const GRAMMAR_LABEL: Record<string, string> = { mysql: 'MySQL', tsql: 'SQL Server', sqlite: 'SQLite' };

/**
 * Operations from node-sql-parser, or null when no bundled grammar accepts the statement or
 * it is of a type this mapping does not cover (the token classifier then decides).
 */
export function mysqlFamilyOps(sql: string, dialect: Dialect): MysqlFamilyResult | null {
  for (const g of GRAMMARS[dialect]) {
    let ast: unknown;
    try {
      ast = parserFor(g.name).astify(sql, { database: g.database });
    } catch {
      continue;
    }
    const stmts = Array.isArray(ast) ? ast : [ast];
    const ops: SqlOp[] = [];
    for (const s of stmts) {
      const mapped = mapStatement(asNode(s) ?? {});
      if (mapped === null) return null;
      ops.push(...mapped);
    }
    return { ops, grammar: GRAMMAR_LABEL[g.name] ?? g.name };
  }
  return null;
}

function tableName(v: unknown): string {
  const n = asNode(v);
  const t = asString(n?.['table']) ?? '?';
  const db = asString(n?.['db']);
  return db ? `${db}.${t}` : t;
}

function columnName(v: unknown): string {
  const n = asNode(v);
  const c = n?.['column'];
  if (typeof c === 'string') return c;
  const expr = asNode(asNode(c)?.['expr']);
  return asString(expr?.['value']) ?? '?';
}

function isTautology(expr: unknown): boolean {
  const n = asNode(expr);
  if (n === undefined) return false;
  if (n['type'] === 'bool') return n['value'] === true;
  if (n['type'] === 'number') return Number(n['value']) !== 0;
  if (n['type'] === 'binary_expr') {
    const op = String(n['operator']).toUpperCase();
    if (op === 'OR') return isTautology(n['left']) || isTautology(n['right']);
    if (op === 'AND') return isTautology(n['left']) && isTautology(n['right']);
    if (op === '=') return JSON.stringify(n['left']) === JSON.stringify(n['right']);
  }
  return false;
}

/** null: a statement type this mapping does not know, so another classifier should look. */
function mapStatement(s: Node): SqlOp[] | null {
  switch (s['type']) {
    case 'delete':
    case 'update': {
      const verb = s['type'] === 'delete' ? 'DELETE' : 'UPDATE';
      const tables = asArray(s['table']);
      const table = tableName(tables[0]);
      const from = asArray(s['from']);
      const joined = from.some((f) => asNode(f)?.['join'] !== undefined && asNode(f)?.['on'] !== undefined);
      const label = verb === 'DELETE' ? `DELETE FROM ${table}` : `UPDATE ${table}`;
      if (s['where'] === null || s['where'] === undefined) {
        if (joined) return [];
        return [
          {
            kind: verb === 'DELETE' ? 'delete-without-where' : 'update-without-where',
            summary: `${label} without a WHERE clause`,
            detail: table,
            table: tableKey(table),
          },
        ];
      }
      if (isTautology(s['where']))
        return [
          {
            kind: 'tautological-where',
            summary: `${label} WHERE a condition that is always true`,
            detail: `${verb}:${table}`,
            table: tableKey(table),
          },
        ];
      return [];
    }
    case 'drop': {
      const keyword = String(s['keyword']).toLowerCase();
      const names = asArray(s['name']).map(tableName);
      if (keyword === 'table') return names.map((n) => ({ kind: 'drop-table', summary: `DROP TABLE ${n}`, detail: n, table: tableKey(n) }));
      if (keyword === 'database') return names.map((n) => ({ kind: 'drop-database', summary: `DROP DATABASE ${n}`, detail: n }));
      if (keyword === 'schema') return names.map((n) => ({ kind: 'drop-schema', summary: `DROP SCHEMA ${n}`, detail: n }));
      if (keyword === 'view') return names.map((n) => ({ kind: 'drop-view', summary: `DROP VIEW ${n}`, detail: n, table: tableKey(n) }));
      return keyword === 'index' ? [] : null;
    }
    case 'truncate':
      return asArray(s['name']).map((t) => {
        const n = tableName(t);
        return { kind: 'truncate', summary: `TRUNCATE ${n}`, detail: n, table: tableKey(n) };
      });
    case 'rename':
      return asArray(s['table']).map((pair) => {
        const from = tableName(asArray(pair)[0]);
        return {
          kind: 'rename',
          summary: `RENAME TABLE ${from} TO ${tableName(asArray(pair)[1])}`,
          detail: `table:${from}`,
          table: tableKey(from),
        };
      });
    case 'alter': {
      const table = tableName(asArray(s['table'])[0]);
      const key = tableKey(table);
      const ops: SqlOp[] = [];
      for (const e of asArray(s['expr'])) {
        const a = asNode(e) ?? {};
        const action = a['action'];
        if (a['resource'] === 'column' && action === 'drop') {
          const col = columnName(a['column']);
          ops.push({ kind: 'drop-column', summary: `ALTER TABLE ${table} DROP COLUMN ${col}`, detail: `${table}.${col}`, table: key });
        } else if (a['resource'] === 'column' && action === 'modify') {
          const col = columnName(a['column']);
          ops.push({
            kind: 'alter-column-type',
            summary: `ALTER TABLE ${table} MODIFY COLUMN ${col}`,
            detail: `${table}.${col}`,
            table: key,
          });
        } else if (a['resource'] === 'column' && (action === 'change' || action === 'rename')) {
          const from = columnName(a['old_column']);
          const to = columnName(a['column']);
          if (from !== to)
            ops.push({
              kind: 'rename',
              summary: `ALTER TABLE ${table} RENAME COLUMN ${from} TO ${to}`,
              detail: `column:${table}.${from}`,
              table: key,
            });
          else
            ops.push({
              kind: 'alter-column-type',
              summary: `ALTER TABLE ${table} CHANGE COLUMN ${from}`,
              detail: `${table}.${from}`,
              table: key,
            });
        } else if (a['resource'] === 'table' && action === 'rename') {
          ops.push({
            kind: 'rename',
            summary: `ALTER TABLE ${table} RENAME TO ${tableName(a['table']) === '?' ? String(a['table']) : tableName(a['table'])}`,
            detail: `table:${table}`,
            table: key,
          });
        } else if (action !== 'add' && !(a['resource'] === 'index' || a['resource'] === 'constraint' || a['resource'] === 'key')) {
          // An action this mapping does not read (e.g. ALTER COLUMN): let the token classifier decide.
          return null;
        }
      }
      return ops;
    }
    case 'insert':
    case 'replace':
    case 'select':
    case 'create':
    case 'use':
    case 'set':
    case 'show':
    case 'grant':
    case 'lock':
    case 'unlock':
      return s['type'] === 'create' || s['type'] === 'set' ? null : [];
    default:
      return null;
  }
}
