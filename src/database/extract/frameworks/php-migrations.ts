// Laravel (database/migrations/*.php) and Doctrine (migrations/Version*.php). Both keep the
// rollback in a `down()` method.

import type { DbOperation } from '../../operations.js';
import { braceBodies, embeddedSql, inRanges, literal, literals, op, parenCalls, sqlPieces, stringConstants, type Call } from './calls.js';
import { lex, type Token } from './lexer.js';

/** `Schema::table('users', function (Blueprint $table) { ... })`: the table for `$table->...` calls. */
function schemaScopes(calls: readonly Call[]): Array<{ from: number; to: number; table: string }> {
  return calls
    .filter((c) => c.receiver[0] === 'Schema' && (c.name === 'table' || c.name === 'create'))
    .flatMap((c) => {
      const table = literal(c.args[0]);
      return table === undefined ? [] : [{ from: c.index, to: c.end, table }];
    });
}

function previousStrings(tokens: readonly Token[], c: Call): string | undefined {
  // `$table->string('name')->change()`: the column is the first string of the chain.
  for (let k = c.index - 1; k >= 0 && (tokens[k] as Token).line === c.line; k--) {
    const t = tokens[k] as Token;
    if (t.type === 'string') return t.value;
  }
  return undefined;
}

export function extractPhpMigration(text: string, source: 'laravel' | 'doctrine'): DbOperation[] {
  const tokens = lex(text, 'php');
  const calls = parenCalls(tokens, 'php');
  const constants = stringConstants(tokens);
  const rollbackRanges = braceBodies(tokens, new Set(['down']));
  const scopes = schemaScopes(calls);
  const ops: DbOperation[] = [];

  for (const c of calls) {
    const rollback = inRanges(rollbackRanges, c.index);
    const base = { line: c.line, source, rollback };
    const recv = c.receiver[0];
    const names = literals(c.args);
    const scope = scopes.find((s) => c.index > s.from && c.index < s.to);

    if ((recv === 'DB' && (c.name === 'statement' || c.name === 'unprepared')) || (recv === '$this' && c.name === 'addSql')) {
      ops.push(...embeddedSql(sqlPieces(c.args[0], constants), source, rollback));
      continue;
    }
    if (recv === 'Schema' || recv === '$schema') {
      if (['drop', 'dropIfExists', 'dropTable'].includes(c.name) && names[0]) {
        ops.push(op({ ...base, kind: 'drop-table', summary: `${recv}::${c.name}('${names[0]}')`, identity: ['drop_table', names[0]] }));
      } else if ((c.name === 'rename' || c.name === 'renameTable') && names.length >= 2) {
        ops.push(
          op({
            ...base,
            kind: 'rename',
            summary: `${recv}::${c.name}('${names[0]}', '${names[1]}')`,
            identity: ['rename_table', names[0] as string, names[1] as string],
          }),
        );
      } else if (c.name === 'dropAllTables') {
        ops.push(op({ ...base, kind: 'drop-table', summary: 'Schema::dropAllTables()', identity: ['drop_all_tables'] }));
      }
      continue;
    }
    // Column calls on the Blueprint ($table->...) or a Doctrine Table object.
    // The chain's root: `$table->string('name')->change()` is called on $table.
    const root = c.receiver[c.receiver.length - 1];
    if (root === undefined || !root.startsWith('$')) continue;
    const table = scope?.table ?? '?';
    switch (c.name) {
      case 'dropColumn':
      case 'removeColumn':
        for (const col of names)
          ops.push(op({ ...base, kind: 'drop-column', summary: `${c.name}('${col}') on ${table}`, identity: ['drop_column', table, col] }));
        break;
      case 'dropTimestamps':
      case 'dropSoftDeletes':
      case 'dropRememberToken':
      case 'dropMorphs':
        ops.push(op({ ...base, kind: 'drop-column', summary: `${c.name}() on ${table}`, identity: [c.name, table, ...names] }));
        break;
      case 'renameColumn':
        if (names.length >= 2)
          ops.push(
            op({
              ...base,
              kind: 'rename',
              summary: `renameColumn('${names[0]}', '${names[1]}') on ${table}`,
              identity: ['rename_column', table, names[0] as string, names[1] as string],
            }),
          );
        break;
      case 'change': {
        const col = previousStrings(tokens, c);
        if (col !== undefined) {
          const line = text.split('\n')[c.line - 1]?.replace(/\s+/g, '') ?? '';
          ops.push(
            op({ ...base, kind: 'alter-column-type', summary: `change column ${table}.${col}`, identity: ['change', table, col, line] }),
          );
        }
        break;
      }
      default:
        break;
    }
  }
  return ops;
}
