// Knex, Sequelize and TypeORM migrations share a language and a shape: an `up` and a `down`
// function (exported, or methods of an exported object or class). The `down` body only runs
// on rollback. Each flavour lists the methods it knows; names are matched exactly, so an
// application helper such as `dropTableIfEmpty` is never a `dropTable`.

import type { DbOperation, DbOperationKind } from '../../operations.js';
import {
  argument,
  braceBodies,
  embeddedSql,
  inRanges,
  literal,
  op,
  parenCalls,
  sqlPieces,
  stringConstants,
  type Arg,
  type Call,
} from './calls.js';
import { lex, type Token } from './lexer.js';

export type JsFlavour = 'knex' | 'sequelize' | 'typeorm';

/** The name in `'users'`, `new Table({ name: 'users' })` or `{ tableName: 'users' }`. */
function nameOf(arg: Arg | undefined): string | undefined {
  const direct = literal(arg);
  if (direct !== undefined) return direct;
  const ts = arg?.tokens ?? [];
  for (let k = 0; k + 2 < ts.length; k++) {
    const t = ts[k] as Token;
    if (t.type === 'word' && (t.value === 'name' || t.value === 'tableName') && ts[k + 1]?.value === ':' && ts[k + 2]?.type === 'string')
      return ts[k + 2]?.value;
  }
  return undefined;
}

/** `knex.schema.table('users', (t) => { ... })`: which table a column builder call refers to. */
function tableScopes(calls: readonly Call[]): Array<{ from: number; to: number; table: string }> {
  const out: Array<{ from: number; to: number; table: string }> = [];
  for (const c of calls) {
    if (!['table', 'alterTable', 'createTable'].includes(c.name)) continue;
    const table = literal(c.args[0]);
    if (table !== undefined) out.push({ from: c.index, to: c.end, table });
  }
  return out;
}

interface Spec {
  kind: DbOperationKind;
  /** Positions of [table, column?, newName?] among positional arguments; -1 = from the scope. */
  table: number;
  column?: number;
  to?: number;
}

const KNEX: Record<string, Spec> = {
  dropTable: { kind: 'drop-table', table: 0 },
  dropTableIfExists: { kind: 'drop-table', table: 0 },
  renameTable: { kind: 'rename', table: 0, to: 1 },
  dropColumn: { kind: 'drop-column', table: -1, column: 0 },
  dropColumns: { kind: 'drop-column', table: -1, column: 0 },
  renameColumn: { kind: 'rename', table: -1, column: 0, to: 1 },
  dropTimestamps: { kind: 'drop-column', table: -1 },
};

const SEQUELIZE: Record<string, Spec> = {
  dropTable: { kind: 'drop-table', table: 0 },
  dropAllTables: { kind: 'drop-table', table: -2 },
  renameTable: { kind: 'rename', table: 0, to: 1 },
  removeColumn: { kind: 'drop-column', table: 0, column: 1 },
  renameColumn: { kind: 'rename', table: 0, column: 1, to: 2 },
  changeColumn: { kind: 'alter-column-type', table: 0, column: 1 },
  bulkDelete: { kind: 'delete-without-where', table: 0 },
};

const TYPEORM: Record<string, Spec> = {
  dropTable: { kind: 'drop-table', table: 0 },
  renameTable: { kind: 'rename', table: 0, to: 1 },
  dropColumn: { kind: 'drop-column', table: 0, column: 1 },
  dropColumns: { kind: 'drop-column', table: 0, column: 1 },
  renameColumn: { kind: 'rename', table: 0, column: 1, to: 2 },
  changeColumn: { kind: 'alter-column-type', table: 0, column: 1 },
  clearTable: { kind: 'truncate', table: 0 },
};

const SPECS: Record<JsFlavour, Record<string, Spec>> = { knex: KNEX, sequelize: SEQUELIZE, typeorm: TYPEORM };
const SQL_METHODS: Record<JsFlavour, Set<string>> = { knex: new Set(['raw']), sequelize: new Set(['query']), typeorm: new Set(['query']) };

function argText(arg: Arg | undefined): string {
  return (arg?.tokens ?? []).map((t) => (t.type === 'string' ? `'${t.value}'` : t.value)).join('');
}

export function extractJsMigration(text: string, flavour: JsFlavour): DbOperation[] {
  const tokens = lex(text, 'js');
  const calls = parenCalls(tokens, 'js');
  const constants = stringConstants(tokens);
  const rollbackRanges = braceBodies(tokens, new Set(['down']));
  const scopes = tableScopes(calls);
  const specs = SPECS[flavour];
  const ops: DbOperation[] = [];

  for (const c of calls) {
    // Migration methods are always called on something: knex.schema, queryInterface, queryRunner, t.
    if (c.receiver.length === 0) continue;
    const rollback = inRanges(rollbackRanges, c.index);
    const base = { line: c.line, source: flavour, rollback };

    if (SQL_METHODS[flavour].has(c.name)) {
      ops.push(...embeddedSql(sqlPieces(c.args[0], constants), flavour, rollback));
      continue;
    }
    // Knex: table.string('x').alter() changes an existing column's type.
    if (flavour === 'knex' && c.name === 'alter' && c.args.length === 0) {
      const col = tokens
        .slice(0, c.index)
        .reverse()
        .find((t) => t.type === 'string' && t.line === c.line);
      const scope = scopes.find((s) => c.index > s.from && c.index < s.to);
      if (col && scope)
        ops.push(
          op({
            ...base,
            kind: 'alter-column-type',
            summary: `alter column ${scope.table}.${col.value}`,
            identity: ['alter', scope.table, col.value, text.split('\n')[c.line - 1]?.trim() ?? ''],
          }),
        );
      continue;
    }
    const spec = specs[c.name];
    if (!spec) continue;
    if (flavour === 'sequelize' && c.name === 'bulkDelete') {
      // bulkDelete('users', null|{}) deletes every row; with a where object it is a targeted delete.
      const where = argText(argument(c.args, undefined, 1));
      if (where !== '' && where !== 'null' && where !== '{}' && where !== 'undefined') continue;
    }
    const positional = c.args.filter((a) => a.key === undefined);
    let table: string | undefined;
    if (spec.table === -2) table = '*';
    else if (spec.table === -1) table = scopes.find((s) => c.index > s.from && c.index < s.to)?.table;
    else table = nameOf(positional[spec.table]);
    if (table === undefined) continue;

    let columns: string[] = [''];
    if (spec.column !== undefined) {
      const colArg = positional[spec.column];
      if (c.name === 'dropColumns' || (c.name === 'dropColumn' && flavour === 'knex')) {
        // dropColumns('a', 'b') or dropColumns(['a', 'b']) or typeorm dropColumns('t', [...])
        const rest = positional.slice(spec.column);
        columns = rest.flatMap((a) => a.tokens.filter((t) => t.type === 'string').map((t) => t.value));
      } else {
        const col = nameOf(colArg);
        if (col === undefined) continue;
        columns = [col];
      }
    }
    if (c.name === 'dropTimestamps') columns = ['created_at', 'updated_at'];
    const to = spec.to !== undefined ? nameOf(positional[spec.to]) : undefined;
    const extra = spec.kind === 'alter-column-type' ? argText(positional[(spec.column ?? 0) + 1]) : '';

    for (const col of columns) {
      const target = col ? `${table}.${col}` : table;
      const summary = `${c.name}(${target}${to ? ` -> ${to}` : ''})`;
      ops.push(op({ ...base, kind: spec.kind, summary, identity: [c.name, table, col, to ?? '', extra].filter((p) => p !== '') }));
    }
  }
  return ops;
}

/** Which JS migration tool wrote a file, from its content. */
export function jsFlavour(text: string): JsFlavour | undefined {
  if (/\bMigrationInterface\b|\bqueryRunner\b/.test(text)) return 'typeorm';
  if (/\bqueryInterface\b|\bSequelize\b/.test(text)) return 'sequelize';
  if (/\bknex\b|\bKnex\b/.test(text) || /exports\.(up|down)\b/.test(text)) return 'knex';
  return undefined;
}

export const JS_MIGRATION_PATH = /(^|\/)migrations?\/(.+\/)?[^/]+\.(js|cjs|mjs|ts|cts|mts)$/;
