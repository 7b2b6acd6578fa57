import { spawnSync } from 'node:child_process';
import { parseUnifiedDiff } from './diff.js';
import type { ChangeSet } from './model.js';

// The git edge: the only module that runs git. Everything it returns is plain data.

export class GitError extends Error {
  override name = 'GitError';
}

const MAX_BUFFER = 1024 * 1024 * 1024;

function git(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } });
  if (result.error) throw new GitError(`could not run git: ${result.error.message}`);
  if (result.status !== 0) throw new GitError(`git ${args[0]} failed: ${result.stderr.toString().trim() || `exit ${result.status}`}`);
  return result.stdout;
}

export function resolveRevision(cwd: string, rev: string): string {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])
      .toString()
      .trim();
  } catch {
    throw new GitError(`unknown revision "${rev}"`);
  }
}

/** The merge base of HEAD with the default branch (origin/HEAD, then main, then master). */
export function defaultBase(cwd: string, head: string): string {
  const candidates: string[] = [];
  try {
    candidates.push(git(cwd, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']).toString().trim());
  } catch {
    // No remote HEAD: try the usual names.
  }
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const ref of candidates) {
    try {
      const sha = resolveRevision(cwd, ref);
      return git(cwd, ['merge-base', sha, head]).toString().trim();
    } catch {
      continue;
    }
  }
  throw new GitError('cannot find the default branch (origin/HEAD, main or master); pass --base REF');
}

/**
 * Reads many `rev:path` blobs with one `git cat-file --batch` process instead of one
 * `git show` per file. Missing objects come back as null.
 */
export function readBlobs(cwd: string, specs: string[]): (Buffer | null)[] {
  if (specs.length === 0) return [];
  const out = git(cwd, ['cat-file', '--batch'], specs.map((s) => `${s}\n`).join(''));
  const blobs: (Buffer | null)[] = [];
  let pos = 0;
  for (let i = 0; i < specs.length; i++) {
    const eol = out.indexOf(10, pos);
    const header = out.subarray(pos, eol).toString();
    pos = eol + 1;
    const m = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      blobs.push(null);
      continue;
    }
    const size = Number(m[2]);
    blobs.push(m[1] === 'blob' ? out.subarray(pos, pos + size) : null);
    pos += size + 1;
  }
  return blobs;
}

export function readFileAt(cwd: string, rev: string, path: string): string | null {
  const [blob] = readBlobs(cwd, [`${rev}:${path}`]);
  return blob ? blob.toString('utf8') : null;
}

const isBinary = (b: Buffer): boolean => b.subarray(0, 8000).includes(0);

/** The change between two commits, with full before/after texts for every text file. */
export function gitChangeSet(cwd: string, base: string, head: string): ChangeSet {
  const diff = git(cwd, ['diff', '--no-color', '--no-ext-diff', '-M', '--src-prefix=a/', '--dst-prefix=b/', base, head, '--']).toString(
    'utf8',
  );
  const files = parseUnifiedDiff(diff);
  const specs: string[] = [];
  for (const f of files) {
    if (f.binary) continue;
    if (f.status !== 'added') specs.push(`${base}:${f.oldPath ?? f.path}`);
    if (f.status !== 'deleted') specs.push(`${head}:${f.path}`);
  }
  const blobs = readBlobs(cwd, specs);
  let next = 0;
  for (const f of files) {
    if (f.binary) continue;
    const before = f.status !== 'added' ? blobs[next++] : undefined;
    const after = f.status !== 'deleted' ? blobs[next++] : undefined;
    if ((before && isBinary(before)) || (after && isBinary(after))) {
      f.binary = true;
      f.before = f.after = null;
      continue;
    }
    f.before = before ? before.toString('utf8') : null;
    f.after = after ? after.toString('utf8') : null;
    f.partial = false;
  }
  return { files };
}
