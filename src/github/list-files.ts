import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { PER_PAGE } from './limits.js';
import type { RepoRef } from './pull.js';

export interface PullFile {
  filename: string;
  previousFilename: string | null;
  /** added, removed, modified, renamed, copied, changed or unchanged. */
  status: string;
  /** The unified-diff hunks; GitHub omits it for binary files and very large diffs. */
  patch: string | null;
}

/** The pull request's files, every page (GitHub stops at MAX_PR_FILES). */
export async function listPullFiles(gh: GitHub, repo: RepoRef, number: number): Promise<PullFile[]> {
  const files = await call(OPS.listFiles, () => gh.paginate(gh.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: PER_PAGE }));
  return files.map((f) => ({
    filename: f.filename,
    previousFilename: f.previous_filename ?? null,
    status: f.status,
    patch: f.patch ?? null,
  }));
}
