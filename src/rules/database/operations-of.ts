import { changeExtractors, changeOperations } from '../../database/extract/frameworks.js';
import { extractAll, extractorsFor } from '../../database/extract/index.js';
import { newOperations, type DbOperation } from '../../database/operations.js';
import type { FileContext } from '../types.js';

// Every database rule asks this of every file: answer once per path.
const extractable = new Map<string, boolean>();

/** Some extractor reads this path: the path-only test every database rule shares. */
export function hasDatabaseExtractor(path: string): boolean {
  let known = extractable.get(path);
  if (known === undefined) {
    known = extractorsFor(path).length > 0 || changeExtractors.some((e) => e.appliesTo(path));
    // A pure function of the path; the bound only keeps a long-lived process from growing.
    if (extractable.size > 10_000) extractable.clear();
    extractable.set(path, known);
  }
  return known;
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
