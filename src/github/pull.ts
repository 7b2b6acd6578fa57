import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { PER_PAGE } from './limits.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

/** What Two-Key needs to know about a pull request, from a webhook payload or the REST API. */
export interface PullFacts {
  number: number;
  title: string;
  author: string;
  authorIsBot: boolean;
  headSha: string;
  /** `owner/repo` of the head; differs from the base repository for a fork. */
  headRepo: string | null;
  baseSha: string;
  baseRef: string;
  labels: string[];
  /** Number of changed files as GitHub counts them; null when the payload omits it. */
  changedFiles: number | null;
  htmlUrl: string;
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads the pull request shape shared by webhook payloads and `GET /pulls/{n}`. */
export function pullFacts(data: unknown): PullFacts {
  const pr = obj(data);
  const head = obj(pr.head);
  const base = obj(pr.base);
  const user = obj(pr.user);
  const headSha = str(head.sha);
  const baseSha = str(base.sha);
  if (typeof pr.number !== 'number' || headSha === null || baseSha === null) {
    throw new Error('the pull request data has no number, head.sha or base.sha');
  }
  const labels = Array.isArray(pr.labels) ? pr.labels.map((l) => str(obj(l).name)).filter((n): n is string => n !== null) : [];
  return {
    number: pr.number,
    title: str(pr.title) ?? '',
    author: str(user.login) ?? '',
    authorIsBot: user.type === 'Bot',
    headSha,
    headRepo: str(obj(head.repo).full_name),
    baseSha,
    baseRef: str(base.ref) ?? '',
    labels,
    changedFiles: typeof pr.changed_files === 'number' ? pr.changed_files : null,
    htmlUrl: str(pr.html_url) ?? '',
  };
}

export async function getPull(gh: GitHub, repo: RepoRef, number: number): Promise<PullFacts> {
  const { data } = await call(OPS.readPull, () => gh.rest.pulls.get({ ...repo, pull_number: number }));
  return pullFacts(data);
}

/** Every open pull request (paginated: a schedule must not stop at the first hundred). */
export async function listOpenPulls(gh: GitHub, repo: RepoRef): Promise<PullFacts[]> {
  const pulls = await call(OPS.listPulls, () => gh.paginate(gh.rest.pulls.list, { ...repo, state: 'open', per_page: PER_PAGE }));
  return pulls.map((p) => pullFacts(p));
}
