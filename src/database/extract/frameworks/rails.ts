// Rails migrations (db/migrate/*.rb). `def down`, `def self.down` and `dir.down` blocks only
// run on rollback; `def change` and `def up` run on deploy.

import type { DbOperation } from '../../operations.js';
import type { Extractor } from '../types.js';
import {
  blockEnd,
  commandCalls,
  doEndDefs,
  embeddedSql,
  inRanges,
  literal,
  literals,
  matching,
  op,
  parenCalls,
  sqlPieces,
  stringConstants,
  type Call,
  type Range,
} from './calls.js';
import { lex, type Token } from './lexer.js';

const SOURCE = 'rails';

/** `dir.down do ... end` / `dir.down { ... }` inside `reversible`. */
function downBlocks(tokens: readonly Token[]): Range[] {
  const ranges: Range[] = [];
  tokens.forEach((t, k) => {
    if (t.type !== 'word' || t.value !== 'down' || tokens[k - 1]?.value !== '.') return;
    const next = tokens[k + 1];
    if (next?.value === 'do') ranges.push([k, blockEnd(tokens, k + 1, 'ruby')]);
    else if (next?.value === '{') ranges.push([k, matching(tokens, k + 1)]);
  });
  return ranges;
}

/** `change_table :users do |t| ... end`: the table that `t.remove` refers to. */
function changeTableBlocks(tokens: readonly Token[], calls: readonly Call[]): Array<{ range: Range; table: string }> {
  const out: Array<{ range: Range; table: string }> = [];
  for (const c of calls) {
    if (c.name !== 'change_table' && c.name !== 'alter_table') continue;
    const table = literal(c.args[0]);
    let d = c.end;
    while (d < tokens.length && tokens[d]?.line === c.line && tokens[d]?.value !== 'do' && tokens[d]?.value !== '{') d++;
    if (table === undefined || d >= tokens.length) continue;
    const end = tokens[d]?.value === '{' ? matching(tokens, d) : blockEnd(tokens, d, 'ruby');
    out.push({ range: [d, end], table });
  }
  return out;
}

function uniqueCalls(calls: Call[]): Call[] {
  const seen = new Set<number>();
  return calls.filter((c) => !seen.has(c.index) && seen.add(c.index) !== undefined);
}

export function extractRails(text: string): DbOperation[] {
  const tokens = lex(text, 'ruby');
  const calls = uniqueCalls([...parenCalls(tokens, 'ruby'), ...commandCalls(tokens, 'ruby')]).sort((a, b) => a.index - b.index);
  const rollbackRanges = [...doEndDefs(tokens, 'down', 'ruby'), ...downBlocks(tokens)];
  const blocks = changeTableBlocks(tokens, calls);
  const constants = stringConstants(tokens);
  const ops: DbOperation[] = [];

  for (const c of calls) {
    const rollback = inRanges(rollbackRanges, c.index);
    const base = { line: c.line, source: SOURCE, rollback };
    const names = literals(c.args);
    const typeText = (i: number): string => (c.args.filter((a) => a.key === undefined)[i]?.tokens ?? []).map((t) => t.value).join(' ');

    // Block form inside change_table: t.remove :a, t.rename :a, :b, t.change :a, :type.
    const block = c.receiver.length === 1 ? blocks.find((b) => c.index > b.range[0] && c.index <= b.range[1]) : undefined;
    if (block) {
      const table = block.table;
      if (c.name === 'remove' || c.name === 'remove_references' || c.name === 'remove_belongs_to' || c.name === 'remove_timestamps') {
        const cols =
          c.name === 'remove_timestamps' ? ['created_at', 'updated_at'] : c.name === 'remove' ? names : names.map((n) => `${n}_id`);
        for (const col of cols)
          ops.push(op({ ...base, kind: 'drop-column', summary: `remove column ${table}.${col}`, identity: ['remove_column', table, col] }));
      } else if (c.name === 'rename' && names.length >= 2) {
        ops.push(
          op({
            ...base,
            kind: 'rename',
            summary: `rename column ${table}.${names[0]} to ${names[1]}`,
            identity: ['rename_column', table, names[0] as string, names[1] as string],
          }),
        );
      } else if (c.name === 'change' && names.length >= 1) {
        ops.push(
          op({
            ...base,
            kind: 'alter-column-type',
            summary: `change column ${table}.${names[0]}`,
            identity: ['change_column', table, names[0] as string, typeText(1)],
          }),
        );
      }
      continue;
    }
    // `connection.execute` is still SQL; any other receiver is not a migration method.
    if (c.receiver.length > 0 && !(c.name === 'execute' && c.receiver[0] === 'connection')) continue;

    switch (c.name) {
      case 'drop_table':
      case 'drop_join_table': {
        const table = c.name === 'drop_join_table' ? names.slice(0, 2).join('_') : names[0];
        if (table === undefined) break;
        ops.push(op({ ...base, kind: 'drop-table', summary: `${c.name} :${table}`, identity: ['drop_table', table] }));
        break;
      }
      case 'remove_column':
        if (names.length >= 2)
          ops.push(
            op({
              ...base,
              kind: 'drop-column',
              summary: `remove_column :${names[0]}, :${names[1]}`,
              identity: ['remove_column', names[0] as string, names[1] as string],
            }),
          );
        break;
      case 'remove_columns':
        for (const col of names.slice(1))
          ops.push(
            op({
              ...base,
              kind: 'drop-column',
              summary: `remove_columns :${names[0]}, :${col}`,
              identity: ['remove_column', names[0] as string, col],
            }),
          );
        break;
      case 'remove_reference':
      case 'remove_belongs_to':
        if (names.length >= 2)
          ops.push(
            op({
              ...base,
              kind: 'drop-column',
              summary: `${c.name} :${names[0]}, :${names[1]}`,
              identity: ['remove_column', names[0] as string, `${names[1]}_id`],
            }),
          );
        break;
      case 'remove_timestamps':
        if (names.length >= 1)
          ops.push(
            op({
              ...base,
              kind: 'drop-column',
              summary: `remove_timestamps :${names[0]}`,
              identity: ['remove_timestamps', names[0] as string],
            }),
          );
        break;
      case 'change_column':
        if (names.length >= 2)
          ops.push(
            op({
              ...base,
              kind: 'alter-column-type',
              summary: `change_column :${names[0]}, :${names[1]}, ${typeText(2)}`,
              identity: ['change_column', names[0] as string, names[1] as string, typeText(2)],
            }),
          );
        break;
      case 'change_column_null':
        if (names.length >= 2 && typeText(2) === 'false')
          ops.push(
            op({
              ...base,
              kind: 'set-not-null',
              summary: `change_column_null :${names[0]}, :${names[1]}, false`,
              identity: ['change_column_null', names[0] as string, names[1] as string],
            }),
          );
        break;
      case 'rename_column':
        if (names.length >= 3)
          ops.push(
            op({
              ...base,
              kind: 'rename',
              summary: `rename_column :${names[0]}, :${names[1]}, :${names[2]}`,
              identity: ['rename_column', ...names.slice(0, 3)],
            }),
          );
        break;
      case 'rename_table':
        if (names.length >= 2)
          ops.push(
            op({
              ...base,
              kind: 'rename',
              summary: `rename_table :${names[0]}, :${names[1]}`,
              identity: ['rename_table', ...names.slice(0, 2)],
            }),
          );
        break;
      case 'execute':
      case 'exec_query':
        ops.push(...embeddedSql(sqlPieces(c.args[0], constants), SOURCE, rollback));
        break;
      default:
        break;
    }
  }
  return ops;
}

export const railsExtractor: Extractor = {
  name: SOURCE,
  appliesTo: (path) => /(^|\/)db\/[^/]*migrate[^/]*\/(.+\/)?[^/]+\.rb$/.test(path),
  extract: (text) => extractRails(text),
};
