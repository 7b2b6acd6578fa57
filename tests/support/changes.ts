import { parseHunks } from '../../src/changes/diff.js';
import type { ChangedFile, FileStatus } from '../../src/changes/model.js';
import { makePatch } from './patch.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { analyze } from '../../src/core/analyze.js';
import type { Finding } from '../../src/core/types.js';
import { allRules } from '../../src/rules/index.js';

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

/** Every rule over the files on a Wednesday morning, outside any freeze window (call loadParsers() first). */
export function analyzeOnWednesday(...files: ChangedFile[]): Finding[] {
  return analyze({ changes: { files }, config: DEFAULT_CONFIG, now: new Date('2026-11-18T10:00:00Z'), rules: allRules });
}
