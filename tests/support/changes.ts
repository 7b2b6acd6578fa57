import { parseHunks } from '../../src/changes/diff.js';
import type { ChangedFile, FileStatus } from '../../src/changes/model.js';

/**
 * A ChangedFile with full before/after texts, the way the git source produces it. The
 * hunks come from a line diff good enough for tests (common prefix/suffix, one hunk).
 */
export function changedFile(path: string, before: string | null, after: string | null, status?: FileStatus): ChangedFile {
  const a = before === null ? [] : before.split('\n');
  const b = after === null ? [] : after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const patch = [
    `@@ -${start + 1},${endA - start} +${start + 1},${endB - start} @@`,
    ...a.slice(start, endA).map((l) => `-${l}`),
    ...b.slice(start, endB).map((l) => `+${l}`),
  ].join('\n');
  return {
    path,
    oldPath: null,
    status: status ?? (before === null ? 'added' : after === null ? 'deleted' : 'modified'),
    binary: false,
    before,
    after,
    hunks: endA === start && endB === start ? [] : parseHunks(patch),
    partial: false,
  };
}
