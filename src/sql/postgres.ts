// Operations from the PostgreSQL grammar's AST (libpg-query). This is the precise path:
// most migrations are PostgreSQL, and the AST knows a WHERE from a word in a comment.

import { parseSync } from 'libpg-query';
import { bodyOps } from './classify.js';
import { POSTGRES_LEX, scanStatements, type Token } from './lexer.js';
import { tableKey, VOLATILE_FUNCTIONS, type SqlOp } from './sql-op.js';

type Node = Record<string, unknown>;

export interface PgRawStatement {
  stmt: Node;
  /** Byte offset; absent for 0. */
  location: number;
  length: number;
}

export class PgSyntaxError extends Error {
  /** 0-based character (code point) offset of the error in the parsed text, when the grammar says. */
  readonly position: number | null;
  constructor(message: string, position: number | null) {
    super(message);
    this.position = position;
  }
}

const asNode = (v: unknown): Node | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Parses with the PostgreSQL grammar; throws PgSyntaxError with the byte position on rejection. */
export function parsePostgres(sql: string): PgRawStatement[] {
  let result: unknown;
  try {
    result = parseSync(sql);
  } catch (error) {
    const details = asNode(asNode(error)?.['sqlDetails']);
    const cursor = details?.['cursorPosition'];
    throw new PgSyntaxError(
      error instanceof Error ? error.message : String(error),
      typeof cursor === 'number' ? Math.max(0, cursor) : null,
    );
  }
  return asArray(asNode(result)?.['stmts']).map((raw) => {
    const r = asNode(raw) ?? {};
    return {
      stmt: asNode(r['stmt']) ?? {},
      location: typeof r['stmt_location'] === 'number' ? r['stmt_location'] : 0,
      length: typeof r['stmt_len'] === 'number' ? r['stmt_len'] : 0,
    };
  });
}

/**
 * An AST as text without its positions. The AST comes from JSON.parse, so stringifying it
 * again and cutting the `"location":N` members is exact: inside a JSON string every quote is
 * escaped, so the pattern can only match a real member. (A replacer function would do the
 * same at several times the cost.)
 */
function withoutLocations(node: unknown): string {
  return JSON.stringify(node).replace(LOCATION_MEMBER, '');
}
const LOCATION_MEMBER = /,?"(?:location|stmt_location|stmt_len)":-?\d+/g;

/**
 * The statement's identity: the same statement anywhere, however written (whitespace,
 * comments, keyword case, position). It is the exact text of the AST without positions, not
 * a digest: a collision must never let a new DROP pass as one the base already had, and only
 * statements with operations are fingerprinted, so the texts stay few.
 */
export function astFingerprint(stmt: unknown): string {
  return withoutLocations(stmt);
}

/** `schema.table` from a RangeVar. */
function rangeVarName(v: unknown): string {
  const n = asNode(v);
  const rv = asNode(n?.['RangeVar']) ?? n;
  if (rv === undefined) return '?';
  const schema = asString(rv['schemaname']);
  const rel = asString(rv['relname']) ?? '?';
  return schema ? `${schema}.${rel}` : rel;
}

/** `a.b` from a List of String nodes (DROP's object names). */
function qualifiedName(v: unknown): string {
  const n = asNode(v);
  const str = asString(asNode(n?.['String'])?.['sval']);
  if (str !== undefined) return str;
  const typeNames = asNode(n?.['TypeName'])?.['names'] ?? asNode(n?.['ObjectWithArgs'])?.['objname'];
  if (typeNames !== undefined) return qualifiedName({ items: typeNames });
  const items = asArray(asNode(n?.['List'])?.['items'] ?? n?.['items']);
  return items
    .map((i) => asString(asNode(asNode(i)?.['String'])?.['sval']) ?? '?')
    .filter((part) => part !== 'pg_catalog')
    .join('.');
}

function stripped(v: unknown): string {
  return withoutLocations(v);
}

/** A condition that holds for every row: TRUE, 1=1, x = x, NOT FALSE, or any OR branch of those. */
function isTautology(expr: unknown): boolean {
  const n = asNode(expr);
  if (n === undefined) return false;
  const aConst = asNode(n['A_Const']);
  if (aConst !== undefined) {
    const b = asNode(aConst['boolval']);
    if (b !== undefined) return b['boolval'] === true;
    const i = asNode(aConst['ival']);
    return i !== undefined && typeof i['ival'] === 'number' && i['ival'] !== 0;
  }
  const bool = asNode(n['BoolExpr']);
  if (bool !== undefined) {
    const args = asArray(bool['args']);
    if (bool['boolop'] === 'OR_EXPR') return args.some(isTautology);
    if (bool['boolop'] === 'AND_EXPR') return args.every(isTautology);
    if (bool['boolop'] === 'NOT_EXPR') {
      const c = asNode(asNode(asNode(args[0])?.['A_Const'])?.['boolval']);
      return c !== undefined && c['boolval'] !== true;
    }
    return false;
  }
  const a = asNode(n['A_Expr']);
  if (a !== undefined && a['kind'] === 'AEXPR_OP') {
    const op = asString(asNode(asNode(asArray(a['name'])[0])?.['String'])?.['sval']);
    return op === '=' && a['lexpr'] !== undefined && stripped(a['lexpr']) === stripped(a['rexpr']);
  }
  const cast = asNode(n['TypeCast']);
  if (cast !== undefined) {
    const sval = asString(asNode(asNode(asNode(cast['arg'])?.['A_Const'])?.['sval'])?.['sval']);
    return sval !== undefined && ['t', 'true', 'yes', 'on', '1'].includes(sval.toLowerCase());
  }
  return false;
}

function whereText(expr: unknown): string {
  const n = asNode(expr);
  const a = asNode(n?.['A_Expr']);
  if (a !== undefined) return 'a condition that is always true';
  if (asNode(n?.['BoolExpr'])) return 'a condition with an always-true branch';
  return 'TRUE';
}

function dmlOps(stmt: Node, verb: 'DELETE' | 'UPDATE'): SqlOp[] {
  const out: SqlOp[] = [];
  for (const cte of asArray(asNode(stmt['withClause'])?.['ctes']))
    out.push(...opsFromPgStatement(asNode(asNode(asNode(cte)?.['CommonTableExpr'])?.['ctequery']) ?? {}));
  const table = rangeVarName(stmt['relation']);
  const where = stmt['whereClause'];
  const label = verb === 'DELETE' ? `DELETE FROM ${table}` : `UPDATE ${table}`;
  if (where === undefined) {
    out.push({
      kind: verb === 'DELETE' ? 'delete-without-where' : 'update-without-where',
      summary: `${label} without a WHERE clause`,
      detail: table,
      table: tableKey(table),
    });
  } else if (isTautology(where)) {
    out.push({
      kind: 'tautological-where',
      summary: `${label} WHERE ${whereText(where)}`,
      detail: `${verb}:${table}`,
      table: tableKey(table),
    });
  }
  return out;
}

const DROP_KINDS: Record<string, { kind: SqlOp['kind']; label: string } | undefined> = {
  OBJECT_TABLE: { kind: 'drop-table', label: 'TABLE' },
  OBJECT_FOREIGN_TABLE: { kind: 'drop-table', label: 'FOREIGN TABLE' },
  OBJECT_SCHEMA: { kind: 'drop-schema', label: 'SCHEMA' },
  OBJECT_VIEW: { kind: 'drop-view', label: 'VIEW' },
  OBJECT_MATVIEW: { kind: 'drop-view', label: 'MATERIALIZED VIEW' },
};

function dropOps(stmt: Node): SqlOp[] {
  const type = asString(stmt['removeType']) ?? '';
  const cascade = stmt['behavior'] === 'DROP_CASCADE';
  const names = asArray(stmt['objects']).map(qualifiedName);
  const suffix = cascade ? ' CASCADE' : '';
  const known = DROP_KINDS[type];
  if (known !== undefined) {
    return names.map((n) => ({
      kind: known.kind,
      summary: `DROP ${known.label} ${n}${suffix}`,
      detail: n,
      cascade,
      table: known.kind === 'drop-schema' ? undefined : tableKey(n),
    }));
  }
  if (type === 'OBJECT_INDEX') {
    if (stmt['concurrent'] === true) return [];
    return names.map((n) => ({
      kind: 'index-without-concurrently',
      summary: `DROP INDEX ${n} without CONCURRENTLY`,
      detail: `drop:${n}`,
      index: tableKey(n),
    }));
  }
  if (!cascade) return [];
  const label = type.replace(/^OBJECT_/, '').replace(/_/g, ' ');
  return [
    {
      kind: 'drop-owned-or-cascade',
      summary: `DROP ${label} ${names.join(', ')} CASCADE`,
      detail: `${type}:${names.join(',')}`,
      cascade: true,
    },
  ];
}

function funcName(v: unknown): string {
  const call = asNode(asNode(v)?.['FuncCall']);
  if (call === undefined) return '';
  const parts = asArray(call['funcname']).map((p) => asString(asNode(asNode(p)?.['String'])?.['sval']) ?? '');
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

function alterTableOps(stmt: Node): SqlOp[] {
  if (stmt['objtype'] !== 'OBJECT_TABLE' && stmt['objtype'] !== undefined) return [];
  const table = rangeVarName(stmt['relation']);
  const key = tableKey(table);
  const out: SqlOp[] = [];
  for (const c of asArray(stmt['cmds'])) {
    const cmd = asNode(asNode(c)?.['AlterTableCmd']);
    if (cmd === undefined) continue;
    const col = asString(cmd['name']) ?? '?';
    switch (cmd['subtype']) {
      case 'AT_DropColumn': {
        const cascade = cmd['behavior'] === 'DROP_CASCADE';
        out.push({
          kind: 'drop-column',
          summary: `ALTER TABLE ${table} DROP COLUMN ${col}${cascade ? ' CASCADE' : ''}`,
          detail: `${table}.${col}`,
          cascade,
          table: key,
        });
        break;
      }
      case 'AT_AlterColumnType':
        out.push({
          kind: 'alter-column-type',
          summary: `ALTER TABLE ${table} ALTER COLUMN ${col} TYPE ${typeName(asNode(asNode(cmd['def'])?.['ColumnDef'])?.['typeName'])}`,
          detail: `${table}.${col}`,
          table: key,
        });
        break;
      case 'AT_SetNotNull':
        out.push({
          kind: 'set-not-null',
          summary: `ALTER TABLE ${table} ALTER COLUMN ${col} SET NOT NULL`,
          detail: `${table}.${col}`,
          table: key,
        });
        break;
      case 'AT_AddColumn': {
        const def = asNode(asNode(cmd['def'])?.['ColumnDef']);
        const name = asString(def?.['colname']) ?? '?';
        for (const con of asArray(def?.['constraints'])) {
          const constraint = asNode(asNode(con)?.['Constraint']);
          if (constraint?.['contype'] !== 'CONSTR_DEFAULT') continue;
          const fn = funcName(constraint['raw_expr']);
          if (VOLATILE_FUNCTIONS.has(fn))
            out.push({
              kind: 'volatile-default',
              summary: `ALTER TABLE ${table} ADD COLUMN ${name} DEFAULT ${fn}()`,
              detail: `${table}.${name}`,
              table: key,
            });
        }
        break;
      }
      case 'AT_AddConstraint': {
        const constraint = asNode(asNode(cmd['def'])?.['Constraint']);
        const type = constraint?.['contype'];
        if ((type === 'CONSTR_FOREIGN' || type === 'CONSTR_CHECK') && constraint?.['skip_validation'] !== true) {
          const name = asString(constraint?.['conname']);
          const what = type === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK';
          out.push({
            kind: 'constraint-without-not-valid',
            summary: `ALTER TABLE ${table} ADD ${what}${name ? ` ${name}` : ''} without NOT VALID`,
            detail: `${table}:${stripped(constraint)}`,
            table: key,
          });
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function typeName(v: unknown): string {
  const names = asArray(asNode(v)?.['names']).map((p) => asString(asNode(asNode(p)?.['String'])?.['sval']) ?? '');
  return names.filter((n) => n !== 'pg_catalog').join('.') || '?';
}

const RENAMED: Record<string, string | undefined> = {
  OBJECT_TABLE: 'TABLE',
  OBJECT_VIEW: 'VIEW',
  OBJECT_MATVIEW: 'MATERIALIZED VIEW',
  OBJECT_SCHEMA: 'SCHEMA',
  OBJECT_DATABASE: 'DATABASE',
};

function renameOps(stmt: Node): SqlOp[] {
  const type = asString(stmt['renameType']) ?? '';
  const newName = asString(stmt['newname']) ?? '?';
  if (type === 'OBJECT_COLUMN') {
    const table = rangeVarName(stmt['relation']);
    const col = asString(stmt['subname']) ?? '?';
    return [
      {
        kind: 'rename',
        summary: `ALTER TABLE ${table} RENAME COLUMN ${col} TO ${newName}`,
        detail: `column:${table}.${col}`,
        table: tableKey(table),
      },
    ];
  }
  const label = RENAMED[type];
  if (label === undefined) return [];
  const old =
    stmt['relation'] !== undefined ? rangeVarName(stmt['relation']) : (asString(stmt['subname']) ?? qualifiedName(stmt['object']));
  return [
    {
      kind: 'rename',
      summary: `ALTER ${label} ${old} RENAME TO ${newName}`,
      detail: `${label}:${old}`,
      table: label === 'TABLE' ? tableKey(old) : undefined,
    },
  ];
}

/** PL/pgSQL bodies are not SQL: split them with our lexer and classify each statement. */
function bodyText(body: string, context: string): SqlOp[] {
  const tokens: Token[] = [];
  for (const s of scanStatements(body, POSTGRES_LEX, false).statements) {
    const ts = s.tokens ?? [];
    tokens.push(...ts, { type: 'punct', value: ';', start: s.end, end: s.end, line: s.line });
  }
  return bodyOps(tokens, 'postgres', context, 0);
}

function defElems(v: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const o of asArray(v)) {
    const d = asNode(asNode(o)?.['DefElem']);
    const name = asString(d?.['defname']);
    if (name !== undefined) out.set(name, d?.['arg']);
  }
  return out;
}

function stringsOf(v: unknown): string[] {
  const n = asNode(v);
  const s = asString(asNode(n?.['String'])?.['sval']);
  if (s !== undefined) return [s];
  return asArray(asNode(n?.['List'])?.['items']).flatMap(stringsOf);
}

function functionOps(stmt: Node): SqlOp[] {
  const options = defElems(stmt['options']);
  const language = stringsOf(options.get('language'))[0]?.toLowerCase() ?? 'sql';
  if (language !== 'plpgsql' && language !== 'sql') return [];
  const name = asArray(stmt['funcname'])
    .map((p) => asString(asNode(asNode(p)?.['String'])?.['sval']) ?? '')
    .join('.');
  const body = stringsOf(options.get('as'))[0] ?? '';
  return bodyText(body, `${stmt['is_procedure'] === true ? 'procedure' : 'function'} ${name}`);
}

/** Operations of one statement of the PostgreSQL AST (`stmt` of a RawStmt). */
export function opsFromPgStatement(stmt: Node): SqlOp[] {
  const [type, value] = Object.entries(stmt)[0] ?? [];
  const node = asNode(value);
  if (type === undefined || node === undefined) return [];
  switch (type) {
    case 'DropStmt':
      return dropOps(node);
    case 'DropdbStmt': {
      const name = asString(node['dbname']) ?? '?';
      return [{ kind: 'drop-database', summary: `DROP DATABASE ${name}`, detail: name }];
    }
    case 'DropOwnedStmt': {
      const roles = asArray(node['roles']).map((r) => asString(asNode(asNode(r)?.['RoleSpec'])?.['rolename']) ?? 'CURRENT_USER');
      return [
        {
          kind: 'drop-owned-or-cascade',
          summary: `DROP OWNED BY ${roles.join(', ')}`,
          detail: `owned:${roles.join(',')}`,
          cascade: node['behavior'] === 'DROP_CASCADE',
        },
      ];
    }
    case 'TruncateStmt': {
      const cascade = node['behavior'] === 'DROP_CASCADE';
      return asArray(node['relations']).map((r) => {
        const name = rangeVarName(r);
        return { kind: 'truncate', summary: `TRUNCATE ${name}${cascade ? ' CASCADE' : ''}`, detail: name, cascade, table: tableKey(name) };
      });
    }
    case 'DeleteStmt':
      return dmlOps(node, 'DELETE');
    case 'UpdateStmt':
      return dmlOps(node, 'UPDATE');
    case 'AlterTableStmt':
      return alterTableOps(node);
    case 'RenameStmt':
      return renameOps(node);
    case 'IndexStmt': {
      if (node['concurrent'] === true) return [];
      const table = rangeVarName(node['relation']);
      const name = asString(node['idxname']);
      return [
        {
          kind: 'index-without-concurrently',
          summary: `CREATE INDEX ${name ? `${name} ` : ''}ON ${table} without CONCURRENTLY`,
          detail: `create:${table}:${stripped(node)}`,
          table: tableKey(table),
        },
      ];
    }
    case 'DoStmt': {
      const args = defElems(node['args']);
      const language = stringsOf(args.get('language'))[0]?.toLowerCase() ?? 'plpgsql';
      if (language !== 'plpgsql') return [];
      return bodyText(stringsOf(args.get('as'))[0] ?? '', 'a DO block');
    }
    case 'CreateFunctionStmt':
      return functionOps(node);
    case 'ExplainStmt': {
      // EXPLAIN ANALYZE runs the statement.
      const analyze = defElems(node['options']).has('analyze');
      return analyze ? opsFromPgStatement(asNode(node['query']) ?? {}) : [];
    }
    case 'SelectStmt':
    case 'InsertStmt':
      // Data-modifying CTEs: WITH gone AS (DELETE FROM carts RETURNING id) SELECT ...
      return asArray(asNode(node['withClause'])?.['ctes']).flatMap((cte) =>
        opsFromPgStatement(asNode(asNode(asNode(cte)?.['CommonTableExpr'])?.['ctequery']) ?? {}),
      );
    default:
      return [];
  }
}
