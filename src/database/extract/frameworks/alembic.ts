// Alembic revisions (alembic/versions/*.py, migrations/versions/*.py). `def downgrade()` only
// runs on rollback; `with op.batch_alter_table("t") as batch_op:` scopes batch_op calls to "t".

import type { DbOperation } from '../../operations.js';
import type { Extractor } from '../types.js';
import { argument, embeddedSql, inRanges, literal, op, parenCalls, pythonDefs, sqlPieces, stringConstants, type Range } from './calls.js';
import { lex } from './lexer.js';

const SOURCE = 'alembic';

export function extractAlembic(text: string): DbOperation[] {
  const tokens = lex(text, 'python');
  const calls = parenCalls(tokens, 'python');
  const constants = stringConstants(tokens);
  const rollbackRanges = pythonDefs(tokens, (name) => name.startsWith('downgrade'));

  // `with op.batch_alter_table("users") as batch_op:` -> alias -> table, over the with-block.
  const batches: Array<{ alias: string; table: string; range: Range }> = [];
  for (const c of calls) {
    if (c.name !== 'batch_alter_table') continue;
    const table = literal(argument(c.args, 'table_name', 0));
    const as = tokens[c.end];
    const alias = tokens[c.end + 1];
    if (!table || as?.value !== 'as' || !alias) continue;
    const withTok = tokens
      .slice(0, c.index)
      .reverse()
      .find((t) => t.first);
    const col = withTok?.col ?? 0;
    let e = c.end + 2;
    while (e < tokens.length && !(tokens[e]?.first && (tokens[e]?.col ?? 0) <= col && e > c.end + 3)) e++;
    batches.push({ alias: alias.value, table, range: [c.index, e - 1] });
  }

  const ops: DbOperation[] = [];
  for (const c of calls) {
    const recv = c.receiver[0];
    const batch = batches.find((b) => b.alias === recv && c.index >= b.range[0] && c.index <= b.range[1]);
    if (recv !== 'op' && !batch) continue;
    const rollback = inRanges(rollbackRanges, c.index);
    const base = { line: c.line, source: SOURCE, rollback };
    // batch_op calls take no table argument.
    const shift = batch ? 1 : 0;
    const table = batch ? batch.table : literal(argument(c.args, 'table_name', 0));
    const pos = (key: string, i: number): string | undefined => literal(argument(c.args, key, i - shift));
    switch (c.name) {
      case 'drop_table':
        if (table) ops.push(op({ ...base, kind: 'drop-table', summary: `op.drop_table('${table}')`, identity: ['drop_table', table] }));
        break;
      case 'drop_column': {
        const col = pos('column_name', 1);
        if (table && col)
          ops.push(
            op({ ...base, kind: 'drop-column', summary: `drop_column('${table}', '${col}')`, identity: ['drop_column', table, col] }),
          );
        break;
      }
      case 'rename_table': {
        const from = literal(argument(c.args, 'old_table_name', 0));
        const to = literal(argument(c.args, 'new_table_name', 1));
        if (from && to)
          ops.push(op({ ...base, kind: 'rename', summary: `op.rename_table('${from}', '${to}')`, identity: ['rename_table', from, to] }));
        break;
      }
      case 'alter_column': {
        const col = pos('column_name', 1);
        if (!table || !col) break;
        const kw = (k: string): string | undefined =>
          c.args
            .find((a) => a.key === k)
            ?.tokens.map((t) => t.value)
            .join('');
        const newName = kw('new_column_name');
        const type = kw('type_');
        if (newName)
          ops.push(
            op({
              ...base,
              kind: 'rename',
              summary: `alter_column('${table}', '${col}', new_column_name=${newName})`,
              identity: ['rename_column', table, col, newName],
            }),
          );
        if (type)
          ops.push(
            op({
              ...base,
              kind: 'alter-column-type',
              summary: `alter_column('${table}', '${col}', type_=${type})`,
              identity: ['alter_column_type', table, col, type],
            }),
          );
        if (kw('nullable') === 'False')
          ops.push(
            op({
              ...base,
              kind: 'set-not-null',
              summary: `alter_column('${table}', '${col}', nullable=False)`,
              identity: ['alter_column_not_null', table, col],
            }),
          );
        break;
      }
      case 'execute':
        ops.push(...embeddedSql(sqlPieces(argument(c.args, 'sqltext', 0), constants), SOURCE, rollback));
        break;
      default:
        break;
    }
  }
  return ops;
}

export const alembicExtractor: Extractor = {
  name: SOURCE,
  appliesTo: (path) => /(^|\/)(alembic|migrations)\/versions\/[^/]+\.py$/.test(path),
  extract: (text) => extractAlembic(text),
};
