import type { Review, ReviewState } from '../policy/approvals.js';
import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { PER_PAGE } from './limits.js';
import type { RepoRef } from './pull.js';

const STATES: readonly ReviewState[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'];

/** Every review on the pull request, paginated. */
export async function listReviews(gh: GitHub, repo: RepoRef, number: number): Promise<Review[]> {
  const reviews = await call(OPS.listReviews, () =>
    gh.paginate(gh.rest.pulls.listReviews, { ...repo, pull_number: number, per_page: PER_PAGE }),
  );
  const out: Review[] = [];
  for (const r of reviews) {
    const state = STATES.find((s) => s === r.state);
    if (!r.user || !state) continue; // a deleted account ("ghost") cannot sign off
    out.push({
      id: r.id,
      login: r.user.login,
      bot: r.user.type === 'Bot',
      state,
      submittedAt: r.submitted_at ?? null,
      commitId: r.commit_id ?? null,
    });
  }
  return out;
}
