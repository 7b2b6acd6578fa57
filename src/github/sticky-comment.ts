import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { PER_PAGE } from './limits.js';
import type { RepoRef } from './pull.js';

export interface ExistingComment {
  id: number;
  body: string;
  htmlUrl: string;
}

export interface CommentIdentity {
  marker: string;
  /** Lower-case logins the token posts as. */
  logins: readonly string[];
  /** Accept any Bot account's comment with the marker (installation tokens cannot learn their own login). */
  anyBot: boolean;
}

/** Our comment: the marker plus our login (every page; the oldest wins if a race left two). */
export async function findComment(gh: GitHub, repo: RepoRef, number: number, who: CommentIdentity): Promise<ExistingComment | null> {
  const comments = await call(OPS.comments, () =>
    gh.paginate(gh.rest.issues.listComments, { ...repo, issue_number: number, per_page: PER_PAGE }),
  );
  for (const c of comments) {
    if (!c.body?.includes(who.marker) || !c.user) continue;
    const mine = who.logins.includes(c.user.login.toLowerCase()) || (who.anyBot && c.user.type === 'Bot');
    if (mine) return { id: c.id, body: c.body, htmlUrl: c.html_url };
  }
  return null;
}

export type CommentOutcome = { action: 'created' | 'updated' | 'unchanged'; url: string } | { action: 'none'; url: null };

/**
 * Creates or updates the one comment. Skips the write when the body is unchanged, and
 * re-reads the comments just before creating so a run that raced ours is updated instead
 * of getting a second comment (the workflow's `concurrency:` group closes the rest).
 */
export async function upsertComment(
  gh: GitHub,
  repo: RepoRef,
  number: number,
  who: CommentIdentity,
  existing: ExistingComment | null,
  body: string | null,
): Promise<CommentOutcome> {
  if (body === null) return existing ? { action: 'unchanged', url: existing.htmlUrl } : { action: 'none', url: null };
  let target = existing;
  if (!target) target = await findComment(gh, repo, number, who);
  if (target) {
    if (target.body.trim() === body.trim()) return { action: 'unchanged', url: target.htmlUrl };
    const id = target.id;
    const { data } = await call(OPS.comments, () => gh.rest.issues.updateComment({ ...repo, comment_id: id, body }));
    return { action: 'updated', url: data.html_url };
  }
  const { data } = await call(OPS.comments, () => gh.rest.issues.createComment({ ...repo, issue_number: number, body }));
  return { action: 'created', url: data.html_url };
}
