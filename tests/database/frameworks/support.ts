import { changeOperations } from '../../../src/database/extract/frameworks.js';
import { extractAll } from '../../../src/database/extract/index.js';
import { newOperations, type DbOperation } from '../../../src/database/operations.js';

/** What the database rules see: operations the change adds (extracted, minus before, plus schema differences). */
export function newOps(path: string, before: string | null, after: string): DbOperation[] {
  return [
    ...newOperations(before === null ? [] : extractAll(before, path), extractAll(after, path)),
    ...changeOperations(before, after, path),
  ];
}

/** A compact, readable form for table assertions: `drop-table@3`, `drop-column@5 (rollback)`, `... (production)`. */
export function brief(ops: readonly DbOperation[]): string[] {
  return ops.map((o) => `${o.kind}@${o.line}${o.rollback ? ' (rollback)' : ''}${o.production ? ' (production)' : ''}`);
}
