import { parseHunks } from '../../src/changes/diff.js';
import type { ChangedFile, FileStatus } from '../../src/changes/model.js';
import { makePatch } from './patch.js';

/**
 * A ChangedFile with full before/after texts, the way the git source produces it. The
 * hunks come from a line diff good enough for tests (common prefix/suffix, one hunk).
 */
export function changedFile(path: string, before: string | null, after: string | null, status?: FileStatus): ChangedFile {
  return {
    path,
    oldPath: null,
    status: status ?? (before === null ? 'added' : after === null ? 'deleted' : 'modified'),
    binary: false,
    before,
    after,
    hunks: before === after ? [] : parseHunks(makePatch(before, after)),
    partial: false,
  };
}
