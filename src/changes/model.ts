// The ChangeSet is what every source (git, unified diff, GitHub API) produces and the
// only thing rules see about a pull request.

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface DiffLine {
  kind: 'add' | 'del' | 'context';
  text: string;
  /** 1-based line in the base version (null for an added line). */
  oldLine: number | null;
  /** 1-based line in the head version (null for a deleted line). */
  newLine: number | null;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export interface ChangedFile {
  /** Path in the head version (the old path for a deleted file). */
  path: string;
  /** Path in the base version when the file was renamed, else null. */
  oldPath: string | null;
  status: FileStatus;
  binary: boolean;
  /** Full base text; null when the file is new, binary, or the source had only a patch. */
  before: string | null;
  /** Full head text; null when the file was deleted, binary, or the source had only a patch. */
  after: string | null;
  hunks: Hunk[];
  /**
   * True when before/after were rebuilt from the patch alone: lines outside the hunks are
   * blank placeholders, so line numbers stay right but the text is incomplete.
   */
  partial: boolean;
}

export interface ChangeSet {
  files: ChangedFile[];
  /** Files the source could not read completely (too many files, missing patch...). */
  incomplete?: string[];
}

/**
 * Rebuilds a text from hunks, keeping line numbers: lines the patch does not show become
 * blank. Used when a source gives only a patch (`--diff`, GitHub without contents).
 */
export function textFromHunks(hunks: Hunk[], side: 'before' | 'after'): string {
  const lines: string[] = [];
  for (const h of hunks) {
    for (const l of h.lines) {
      const n = side === 'before' ? l.oldLine : l.newLine;
      if (n === null) continue;
      while (lines.length < n - 1) lines.push('');
      lines[n - 1] = l.text;
    }
  }
  return lines.join('\n');
}
