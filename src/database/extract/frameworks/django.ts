// Django migrations (<app>/migrations/NNNN_name.py). Operations are constructor calls in the
// `operations` list; RunSQL's `reverse_sql` only runs on rollback, and operations inside
// `SeparateDatabaseAndState(state_operations=[...])` change Django's model state, not the database.

import type { DbOperation } from '../../operations.js';
import type { Extractor } from '../types.js';
import { argument, embeddedSql, inRanges, literal, op, parenCalls, sqlPieces, stringConstants, type Range } from './calls.js';
import { lex, type Token } from './lexer.js';

const SOURCE = 'django';

function fieldText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? []).map((t) => (t.type === 'string' ? `'${t.value}'` : t.value)).join('');
}

export function extractDjango(text: string): DbOperation[] {
  const tokens = lex(text, 'python');
  const calls = parenCalls(tokens, 'python');
  const constants = stringConstants(tokens);

  // state_operations of SeparateDatabaseAndState: keyword or second positional argument.
  const stateOnly: Range[] = [];
  for (const c of calls) {
    if (c.name !== 'SeparateDatabaseAndState') continue;
    const state = argument(c.args, 'state_operations', 1);
    const first = state?.tokens[0];
    const last = state?.tokens[state.tokens.length - 1];
    if (first && last) stateOnly.push([tokens.indexOf(first), tokens.indexOf(last)]);
  }

  const ops: DbOperation[] = [];
  for (const c of calls) {
    if (inRanges(stateOnly, c.index)) continue;
    if (c.receiver.length > 0 && c.receiver[0] !== 'migrations') continue;
    const base = { line: c.line, source: SOURCE, rollback: false };
    const str = (key: string, pos: number): string | undefined => literal(argument(c.args, key, pos));
    switch (c.name) {
      case 'RemoveField': {
        const model = str('model_name', 0);
        const field = str('name', 1);
        if (model && field)
          ops.push(op({ ...base, kind: 'drop-column', summary: `RemoveField ${model}.${field}`, identity: ['RemoveField', model, field] }));
        break;
      }
      case 'DeleteModel': {
        const model = str('name', 0);
        if (model) ops.push(op({ ...base, kind: 'drop-table', summary: `DeleteModel ${model}`, identity: ['DeleteModel', model] }));
        break;
      }
      case 'AlterField': {
        const model = str('model_name', 0);
        const field = str('name', 1);
        const def = fieldText(argument(c.args, 'field', 2)?.tokens);
        if (model && field)
          ops.push(
            op({
              ...base,
              kind: 'alter-column-type',
              summary: `AlterField ${model}.${field}`,
              identity: ['AlterField', model, field, def],
            }),
          );
        break;
      }
      case 'RenameField': {
        const model = str('model_name', 0);
        const from = str('old_name', 1);
        const to = str('new_name', 2);
        if (model && from && to)
          ops.push(
            op({ ...base, kind: 'rename', summary: `RenameField ${model}.${from} -> ${to}`, identity: ['RenameField', model, from, to] }),
          );
        break;
      }
      case 'RenameModel': {
        const from = str('old_name', 0);
        const to = str('new_name', 1);
        if (from && to)
          ops.push(op({ ...base, kind: 'rename', summary: `RenameModel ${from} -> ${to}`, identity: ['RenameModel', from, to] }));
        break;
      }
      case 'RunSQL':
        ops.push(...embeddedSql(sqlPieces(argument(c.args, 'sql', 0), constants), SOURCE, false));
        ops.push(...embeddedSql(sqlPieces(argument(c.args, 'reverse_sql', 1), constants), SOURCE, true));
        break;
      default:
        break;
    }
  }
  return ops;
}

export const djangoExtractor: Extractor = {
  name: SOURCE,
  // Alembic keeps its revisions in migrations/versions/: those are not Django's.
  appliesTo: (path) => /(^|\/)migrations\/[^/]+\.py$/.test(path) && !/(^|\/)__init__\.py$/.test(path),
  extract: (text) => (/\bmigrations\.|from django\.db\b/.test(text) ? extractDjango(text) : []),
};
