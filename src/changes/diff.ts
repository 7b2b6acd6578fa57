import { textFromHunks, type ChangedFile, type DiffLine, type FileStatus, type Hunk } from './model.js';

// A unified-diff parser for what `git diff` and GitHub produce: renames, deletions, binary
// files, CRLF line endings, "\ No newline at end of file", and quoted paths.

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Git quotes paths with unusual bytes as C strings ("a/caf\303\251.sql"); undo that. */
export function unquotePath(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const bytes: number[] = [];
  const body = raw.slice(1, raw.endsWith('"') ? -1 : undefined);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string): string | null {
  const p = unquotePath(path.replace(/\t.*$/, '').trim());
  if (p === '/dev/null') return null;
  return p.replace(/^[ab]\//, '');
}

/** Parses the `@@` hunks of one file's patch (GitHub's `patch` field is exactly this). */
export function parseHunks(patch: string): Hunk[] {
  return parseHunkLines(patch.split('\n'), 0, Infinity);
}

/** A line that may be a hunk header: the regular expression runs only on these. */
const mayBeHeader = (line: string): boolean => line.charCodeAt(0) === 64 && line.charCodeAt(1) === 64;

/** parseHunks over lines[from, to) of an already split diff, so a big diff is split once. */
function parseHunkLines(lines: readonly string[], from: number, to: number): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  let oldLine = 0;
  let newLine = 0;
  const end = Math.min(to, lines.length);
  for (let i = from; i < end; i++) {
    const rawLine = lines[i] as string;
    const line = rawLine.charCodeAt(rawLine.length - 1) === 13 ? rawLine.slice(0, -1) : rawLine;
    const header = mayBeHeader(line) ? HUNK_HEADER.exec(line) : null;
    if (header) {
      current = {
        oldStart: Number(header[1]),
        oldLines: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newLines: header[4] === undefined ? 1 : Number(header[4]),
        lines: [],
      };
      hunks.push(current);
      oldLine = current.oldStart;
      newLine = current.newStart;
      continue;
    }
    if (!current) continue;
    const tag = line[0];
    const text = line.slice(1);
    let entry: DiffLine | null = null;
    if (tag === '+') entry = { kind: 'add', text, oldLine: null, newLine: newLine++ };
    else if (tag === '-') entry = { kind: 'del', text, oldLine: oldLine++, newLine: null };
    else if (tag === ' ' || (line === '' && oldLine < current.oldStart + current.oldLines))
      entry = { kind: 'context', text, oldLine: oldLine++, newLine: newLine++ };
    // "\ No newline at end of file" and anything else are not content.
    if (entry) current.lines.push(entry);
  }
  return hunks;
}

interface Draft {
  path: string | null;
  oldPath: string | null;
  status: FileStatus;
  binary: boolean;
  /** The file's hunk lines are lines[patchFrom, patchTo) of the whole diff (patchFrom < 0: none). */
  patchFrom: number;
  patchTo: number;
}

function finish(d: Draft, lines: readonly string[]): ChangedFile | null {
  const path = d.path ?? d.oldPath;
  if (path === null) return null;
  const hunks = d.binary || d.patchFrom < 0 ? [] : parseHunkLines(lines, d.patchFrom, d.patchTo);
  const renamed = d.status === 'renamed' || (d.oldPath !== null && d.path !== null && d.oldPath !== d.path);
  const status: FileStatus = d.status === 'modified' && renamed ? 'renamed' : d.status;
  return {
    path,
    oldPath: status === 'renamed' ? d.oldPath : null,
    status,
    binary: d.binary,
    before: null,
    after: null,
    hunks,
    partial: true,
  };
}

/**
 * Parses a whole unified diff. Without the repository the full texts are unknown, so
 * before/after are rebuilt from the hunks with `partial: true` (see textFromHunks).
 */
export function parseUnifiedDiff(diff: string): ChangedFile[] {
  const files: ChangedFile[] = [];
  let draft: Draft | null = null;
  let inHunks = false;
  const lines = diff.split('\n');
  const flush = (): void => {
    if (draft) {
      const f = finish(draft, lines);
      if (f) files.push(f);
    }
    draft = null;
    inHunks = false;
  };
  const fresh = (): Draft => ({ path: null, oldPath: null, status: 'modified', binary: false, patchFrom: -1, patchTo: -1 });
  /** The hunk lines of a file are contiguous: remember where they start and end. */
  const addPatchLine = (d: Draft, i: number): void => {
    if (d.patchFrom < 0) d.patchFrom = i;
    d.patchTo = i + 1;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    // Inside hunks almost every line starts with '+', '-' or ' ': only a 'd' or '-' can start a header.
    const c0 = raw.charCodeAt(0);
    if (inHunks && draft !== null && c0 !== 100 && c0 !== 45) {
      addPatchLine(draft, i);
      continue;
    }
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (line.startsWith('diff --git ')) {
      flush();
      draft = fresh();
      // Paths come from ---/+++ or rename lines; this header is the fallback for
      // mode-only and binary changes, which have neither.
      const m = /^diff --git ("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/.exec(line);
      if (m) {
        draft.oldPath = stripPrefix(m[1] as string);
        draft.path = stripPrefix(m[2] as string);
      }
      continue;
    }
    // A plain `diff -u` has no `diff --git` header: a `---` line followed by `+++` starts a file.
    if (!inHunks || !draft) {
      if (line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')) {
        if (!draft || draft.patchFrom >= 0) {
          flush();
          draft = fresh();
        }
        const d = draft as Draft;
        d.oldPath = stripPrefix(line.slice(4));
        d.path = stripPrefix((lines[i + 1] as string).replace(/\r$/, '').slice(4));
        if (d.oldPath === null) d.status = 'added';
        if (d.path === null) d.status = 'deleted';
        i += 1;
        inHunks = true;
        continue;
      }
      if (!draft) continue;
      const d = draft as Draft;
      if (line.startsWith('new file mode')) d.status = 'added';
      else if (line.startsWith('deleted file mode')) d.status = 'deleted';
      else if (line.startsWith('rename from ')) {
        d.oldPath = unquotePath(line.slice('rename from '.length));
        d.status = 'renamed';
      } else if (line.startsWith('rename to ')) d.path = unquotePath(line.slice('rename to '.length));
      else if (line.startsWith('Binary files ') || line === 'GIT binary patch') d.binary = true;
      else if (HUNK_HEADER.test(line)) {
        inHunks = true;
        addPatchLine(d, i);
      }
      continue;
    }
    if (line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ') && HUNK_HEADER.test(lines[i + 2] ?? '')) {
      // Next file of a plain `diff -u` concatenation.
      inHunks = false;
      i -= 1;
      flush();
      draft = fresh();
      continue;
    }
    addPatchLine(draft as Draft, i);
  }
  flush();
  for (const f of files) {
    if (f.status !== 'added' && !f.binary) f.before = textFromHunks(f.hunks, 'before');
    if (f.status !== 'deleted' && !f.binary) f.after = textFromHunks(f.hunks, 'after');
  }
  return files;
}
