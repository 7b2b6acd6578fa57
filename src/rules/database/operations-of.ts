import { changeExtractors, changeOperations } from '../../database/extract/frameworks.js';
import { extractAll, extractorsFor } from '../../database/extract/index.js';
import { newOperations, type DbOperation } from '../../database/operations.js';
import type { FileContext } from '../types.js';

/** Some extractor reads this path: the path-only test every database rule shares. */
export function hasDatabaseExtractor(path: string): boolean {
  return extractorsFor(path).length > 0 || changeExtractors.some((e) => e.appliesTo(path));
}

/**
 * The operations this change adds to the file, computed once per file however many
 * database rules run: operations of `after` minus those already in `before`. A deleted
 * file adds nothing; a new file's `before` is empty.
 */
export function newDbOperations(ctx: FileContext): DbOperation[] {
  return ctx.memo('database/new-operations', () => {
    const { file } = ctx;
    if (file.status === 'deleted' || file.after === null || file.binary) return [];
    // Declarative schemas (schema.prisma) only show a danger as a difference between versions.
    const changed = changeOperations(file.status === 'added' ? null : file.before, file.after, file.path);
    const after = extractAll(file.after, file.path);
    if (after.length === 0) return changed;
    const beforePath = file.oldPath ?? file.path;
    const before = file.status === 'added' || file.before === null ? [] : extractAll(file.before, beforePath);
    return [...newOperations(before, after), ...changed];
  });
}
