import { parseHunks } from './diff.js';
import { textFromHunks, type ChangedFile, type ChangeSet, type FileStatus, type Hunk } from './model.js';

// The GitHub source of a ChangeSet, as pure functions around the fetches: the files API gives
// each file's patch; full texts are read only for files some rule wants, and only the head
// side: the base side is the head with the patch undone, which is exactly the merge-base
// version the patch was made against, at no extra API call.

/** One entry of the pull request files API. */
export interface ApiFile {
  filename: string;
  previousFilename: string | null;
  /** added, removed, modified, renamed, copied, changed or unchanged. */
  status: string;
  patch: string | null;
}

export interface ApiBlob {
  text: string | null;
  isBinary: boolean;
  isTruncated: boolean;
}

export interface ContentPlan {
  /** `rev:path` expressions to fetch (GraphQL `object(expression:)`). */
  expressions: string[];
}

export interface GitHubChangeInput {
  files: readonly ApiFile[];
  /** `changed_files` of the pull request; more than were listed means GitHub's cap was hit. */
  totalFiles: number | null;
  /** Most files the files API lists (3,000): a full list with no `totalFiles` to compare may be cut short. */
  listLimit: number;
  headSha: string;
  baseSha: string;
  /** Whether some rule reads this path (`rule.appliesTo`): only those files get full texts. */
  wants: (path: string) => boolean;
}

const MAX_PATHS_IN_REASON = 10;

function statusOf(api: string): FileStatus {
  if (api === 'added' || api === 'copied') return 'added';
  if (api === 'removed') return 'deleted';
  if (api === 'renamed') return 'renamed';
  return 'modified';
}

const wanted = (f: ApiFile, input: GitHubChangeInput): boolean =>
  input.wants(f.filename) || (f.previousFilename !== null && input.wants(f.previousFilename));

function expressionFor(f: ApiFile, input: GitHubChangeInput): string | null {
  if (!wanted(f, input)) return null;
  const status = statusOf(f.status);
  if (status === 'deleted') return f.patch === null ? `${input.baseSha}:${f.filename}` : null;
  return `${input.headSha}:${f.filename}`;
}

/** Which blobs to fetch: the head text of every wanted file that still exists. */
export function planContents(input: GitHubChangeInput): ContentPlan {
  const expressions: string[] = [];
  for (const f of input.files) {
    const e = expressionFor(f, input);
    if (e !== null && !expressions.includes(e)) expressions.push(e);
  }
  return { expressions };
}

const sameLine = (a: string | undefined, b: string): boolean => a !== undefined && a.replace(/\r$/, '') === b.replace(/\r$/, '');

/**
 * The base text from the head text and the patch, or null when the patch does not fit the
 * text (then the file cannot be trusted and is reported as incomplete).
 */
export function reverseApply(after: string, hunks: readonly Hunk[]): string | null {
  const lines = after.split('\n');
  const out: string[] = [];
  let pos = 0;
  for (const h of hunks) {
    const start = h.newLines === 0 ? h.newStart : h.newStart - 1;
    if (start < pos || start > lines.length) return null;
    while (pos < start) out.push(lines[pos++] as string);
    for (const l of h.lines) {
      if (l.kind === 'del') {
        out.push(l.text);
        continue;
      }
      if (!sameLine(lines[pos], l.text)) return null;
      if (l.kind === 'context') out.push(lines[pos] as string);
      pos++;
    }
  }
  while (pos < lines.length) out.push(lines[pos++] as string);
  return out.join('\n');
}

function fromPatchOnly(f: ApiFile, hunks: Hunk[]): ChangedFile {
  const status = statusOf(f.status);
  return {
    path: f.filename,
    oldPath: status === 'renamed' ? f.previousFilename : null,
    status,
    binary: false,
    before: status === 'added' ? null : textFromHunks(hunks, 'before'),
    after: status === 'deleted' ? null : textFromHunks(hunks, 'after'),
    hunks,
    partial: true,
  };
}

function summarise(what: string, paths: string[]): string {
  const shown = paths.slice(0, MAX_PATHS_IN_REASON).join(', ');
  const more = paths.length > MAX_PATHS_IN_REASON ? ` and ${paths.length - MAX_PATHS_IN_REASON} more` : '';
  return `${what}: ${shown}${more}`;
}

/** Builds the ChangeSet once the planned blobs are fetched. Anything unread is named in `incomplete`. */
export function buildChangeSet(input: GitHubChangeInput, blobs: ReadonlyMap<string, ApiBlob | null>): ChangeSet {
  const files: ChangedFile[] = [];
  const noPatch: string[] = [];
  const unreadable: string[] = [];
  const mismatch: string[] = [];
  for (const f of input.files) {
    const hunks = f.patch === null ? [] : parseHunks(f.patch);
    const file = fromPatchOnly(f, hunks);
    files.push(file);
    const expression = expressionFor(f, input);
    if (!wanted(f, input)) continue;
    if (file.status === 'deleted' && expression === null) {
      // A deletion's patch holds every line of the base version.
      file.before = textFromHunks(hunks, 'before');
      file.partial = false;
      continue;
    }
    const blob = expression === null ? undefined : blobs.get(expression);
    if (!blob) {
      unreadable.push(f.filename);
      continue;
    }
    if (blob.isBinary) {
      Object.assign(file, { binary: true, before: null, after: null, partial: false });
      continue;
    }
    if (blob.isTruncated || blob.text === null) {
      unreadable.push(f.filename);
      continue;
    }
    if (file.status === 'deleted') {
      noPatch.push(f.filename);
      continue;
    }
    file.after = blob.text;
    if (file.status === 'added' && f.patch !== null) {
      Object.assign(file, { before: null, partial: false });
      continue;
    }
    if (f.patch === null) {
      // A pure rename or a mode change has no patch and no change of text; anything else
      // without one is a diff too large for GitHub to show.
      if (file.status === 'renamed' || f.status === 'changed' || f.status === 'unchanged')
        Object.assign(file, { before: blob.text, partial: false });
      else noPatch.push(f.filename);
      continue;
    }
    const before = reverseApply(blob.text, hunks);
    if (before === null) mismatch.push(f.filename);
    else Object.assign(file, { before, partial: false });
  }
  const incomplete: string[] = [];
  const listed = input.files.length;
  if (input.totalFiles !== null && input.totalFiles > listed) {
    incomplete.push(`the pull request changes ${input.totalFiles} files and GitHub lists only the first ${listed}`);
  } else if (input.totalFiles === null && listed >= input.listLimit) {
    // Review and schedule events carry no changed_files: a list at the cap may have been cut.
    incomplete.push(`GitHub lists at most ${input.listLimit} files and this pull request reached that limit`);
  }
  if (noPatch.length > 0) incomplete.push(summarise('GitHub sent no diff for (too large to show)', noPatch));
  if (unreadable.length > 0) incomplete.push(summarise('could not read the full text of', unreadable));
  if (mismatch.length > 0) incomplete.push(summarise('the diff did not match the head version of', mismatch));
  return incomplete.length > 0 ? { files, incomplete } : { files };
}
