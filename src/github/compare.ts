import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { COMPARE_MAX_FILES } from './limits.js';
import type { RepoRef } from './pull.js';

/**
 * Paths changed between an approved commit and the head, or null when that cannot be
 * told exactly (history rewritten by a force-push, or a list truncated by GitHub): the
 * approval then counts as stale, which fails closed.
 */
export async function changedSince(gh: GitHub, repo: RepoRef, approved: string, head: string): Promise<string[] | null> {
  const { data } = await call(OPS.compare, () => gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${approved}...${head}` }));
  if (data.status !== 'ahead' && data.status !== 'identical') return null;
  const files = data.files ?? [];
  if (files.length >= COMPARE_MAX_FILES) return null;
  return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
}
