// Entity Framework Core migrations (Migrations/*.cs). `Down(MigrationBuilder ...)` only runs
// on rollback. Arguments are usually named (`name: "Email", table: "Users"`), in any order.

import type { DbOperation } from '../../operations.js';
import type { Extractor } from '../types.js';
import { argument, braceBodies, embeddedSql, inRanges, literal, op, parenCalls, sqlPieces, stringConstants } from './calls.js';
import { lex } from './lexer.js';

const SOURCE = 'entity-framework';

export function extractEntityFramework(text: string): DbOperation[] {
  const tokens = lex(text, 'csharp');
  const calls = parenCalls(tokens, 'csharp');
  const constants = stringConstants(tokens);
  const rollbackRanges = braceBodies(tokens, new Set(['Down']));
  const ops: DbOperation[] = [];

  for (const c of calls) {
    if (c.receiver[0] !== 'migrationBuilder') continue;
    const rollback = inRanges(rollbackRanges, c.index);
    const base = { line: c.line, source: SOURCE, rollback };
    const str = (key: string, pos: number): string | undefined => literal(argument(c.args, key, pos));
    switch (c.name) {
      case 'DropTable': {
        const table = str('name', 0);
        if (table) ops.push(op({ ...base, kind: 'drop-table', summary: `DropTable("${table}")`, identity: ['DropTable', table] }));
        break;
      }
      case 'DropColumn': {
        const col = str('name', 0);
        const table = str('table', 1);
        if (col && table)
          ops.push(
            op({ ...base, kind: 'drop-column', summary: `DropColumn("${col}", table: "${table}")`, identity: ['DropColumn', table, col] }),
          );
        break;
      }
      case 'RenameColumn': {
        const col = str('name', 0);
        const table = str('table', 1);
        const to = str('newName', 2);
        if (col && table && to)
          ops.push(
            op({
              ...base,
              kind: 'rename',
              summary: `RenameColumn("${col}" -> "${to}", table: "${table}")`,
              identity: ['RenameColumn', table, col, to],
            }),
          );
        break;
      }
      case 'RenameTable': {
        const table = str('name', 0);
        const to = str('newName', 2) ?? str('newName', 1);
        if (table && to)
          ops.push(op({ ...base, kind: 'rename', summary: `RenameTable("${table}" -> "${to}")`, identity: ['RenameTable', table, to] }));
        break;
      }
      case 'AlterColumn': {
        const col = str('name', 0);
        const table = str('table', 1);
        const type = str('type', 2) ?? '';
        const generic = tokens[c.index + 1]?.value === '<' ? (tokens[c.index + 2]?.value ?? '') : '';
        if (col && table)
          ops.push(
            op({
              ...base,
              kind: 'alter-column-type',
              summary: `AlterColumn<${generic}>("${col}", table: "${table}")`,
              identity: ['AlterColumn', table, col, generic, type],
            }),
          );
        break;
      }
      case 'Sql':
        ops.push(...embeddedSql(sqlPieces(argument(c.args, 'sql', 0), constants), SOURCE, rollback));
        break;
      default:
        break;
    }
  }
  return ops;
}

export const entityFrameworkExtractor: Extractor = {
  name: SOURCE,
  appliesTo: (path) => /(^|\/)Migrations\/(.+\/)?[^/]+\.cs$/.test(path) && !/\.Designer\.cs$|ModelSnapshot\.cs$/.test(path),
  extract: (text) => extractEntityFramework(text),
};
