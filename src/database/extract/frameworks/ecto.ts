// Ecto migrations (priv/repo/migrations/*.exs). `def down` only runs on rollback, and so does
// the second argument of `execute(up_sql, down_sql)`. Column changes live in
// `alter table(:users) do ... end` blocks.

import type { DbOperation } from '../../operations.js';
import type { Extractor } from '../types.js';
import {
  blockEnd,
  commandCalls,
  doEndDefs,
  embeddedSql,
  inRanges,
  literal,
  op,
  parenCalls,
  sqlPieces,
  stringConstants,
  type Call,
} from './calls.js';
import { lex, type Token } from './lexer.js';

const SOURCE = 'ecto';

function alterBlocks(tokens: readonly Token[], calls: readonly Call[]): Array<{ from: number; to: number; table: string }> {
  const out: Array<{ from: number; to: number; table: string }> = [];
  for (const c of calls) {
    if (c.name !== 'alter') continue;
    const table = literal(c.args[0]);
    let d = c.index;
    while (d < tokens.length && tokens[d]?.value !== 'do') d++;
    if (table !== undefined) out.push({ from: d, to: blockEnd(tokens, d, 'elixir'), table });
  }
  return out;
}

export function extractEcto(text: string): DbOperation[] {
  const tokens = lex(text, 'elixir');
  const seen = new Set<number>();
  const calls = [...commandCalls(tokens, 'elixir'), ...parenCalls(tokens, 'elixir')]
    .filter((c) => !seen.has(c.index) && seen.add(c.index) !== undefined)
    .sort((a, b) => a.index - b.index);
  const constants = stringConstants(tokens);
  const rollbackRanges = doEndDefs(tokens, 'down', 'elixir');
  const blocks = alterBlocks(tokens, calls);
  const ops: DbOperation[] = [];

  for (const c of calls) {
    if (c.receiver.length > 0) continue;
    const rollback = inRanges(rollbackRanges, c.index);
    const base = { line: c.line, source: SOURCE, rollback };
    const first = c.args[0];
    const fn = first?.tokens[0]?.value;
    const block = blocks.find((b) => c.index > b.from && c.index < b.to);
    switch (c.name) {
      case 'drop':
      case 'drop_if_exists': {
        const table = literal(first);
        if (table === undefined) break;
        if (fn === 'table')
          ops.push(op({ ...base, kind: 'drop-table', summary: `${c.name} table(:${table})`, identity: ['drop_table', table] }));
        break;
      }
      case 'remove':
      case 'remove_if_exists': {
        const col = literal(first);
        if (block && col !== undefined)
          ops.push(
            op({ ...base, kind: 'drop-column', summary: `remove :${col} from ${block.table}`, identity: ['remove', block.table, col] }),
          );
        break;
      }
      case 'modify': {
        const col = literal(first);
        const type = (c.args[1]?.tokens ?? []).map((t) => t.value).join('');
        if (block && col !== undefined)
          ops.push(
            op({
              ...base,
              kind: 'alter-column-type',
              summary: `modify :${col}, ${type} on ${block.table}`,
              identity: ['modify', block.table, col, type],
            }),
          );
        break;
      }
      case 'rename': {
        // rename table(:a), to: table(:b)  |  rename table(:users), :name, to: :full_name
        const table = literal(first);
        const to = literal(c.args.find((a) => a.key === 'to'));
        const col = c.args[1]?.key === undefined ? literal(c.args[1]) : undefined;
        if (table !== undefined && to !== undefined)
          ops.push(
            op({
              ...base,
              kind: 'rename',
              summary: `rename ${table}${col ? `.${col}` : ''} to ${to}`,
              identity: ['rename', table, col ?? '', to],
            }),
          );
        break;
      }
      case 'execute':
        ops.push(...embeddedSql(sqlPieces(c.args[0], constants), SOURCE, rollback));
        ops.push(...embeddedSql(sqlPieces(c.args[1], constants), SOURCE, true));
        break;
      default:
        break;
    }
  }
  return ops;
}

export const ectoExtractor: Extractor = {
  name: SOURCE,
  appliesTo: (path) => /(^|\/)priv\/[^/]+\/migrations\/[^/]+\.exs?$/.test(path),
  extract: (text) => extractEcto(text),
};
