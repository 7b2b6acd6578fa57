import type { CommitFacts } from '../policy/approvals.js';
import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { BLOBS_PER_QUERY } from './limits.js';
import type { RepoRef } from './pull.js';

// One GraphQL query reads what would otherwise cost a REST call per file: the PR's commits
// with every author GitHub resolved (co-authors included) and many blobs by `rev:path`.

export interface Blob {
  text: string | null;
  isBinary: boolean;
  /** GitHub cut the text short (very large file). */
  isTruncated: boolean;
}

export interface PullGraph {
  commits: CommitFacts[];
  /** By expression (`sha:path`); null when the object does not exist. */
  blobs: Map<string, Blob | null>;
}

const COMMITS_PAGE = 100;

const COMMIT_FIELDS = `pageInfo { hasNextPage endCursor }
      nodes { commit { oid message author { name email user { login } } authors(first: 20) { nodes { user { login } } } } }`;

function buildQuery(withCommits: boolean, blobCount: number): string {
  const vars = ['$owner: String!', '$name: String!'];
  if (withCommits) vars.push('$number: Int!', '$after: String');
  const fields: string[] = [];
  if (withCommits) fields.push(`pullRequest(number: $number) { commits(first: ${COMMITS_PAGE}, after: $after) { ${COMMIT_FIELDS} } }`);
  for (let i = 0; i < blobCount; i++) {
    vars.push(`$e${i}: String!`);
    fields.push(`b${i}: object(expression: $e${i}) { ... on Blob { text isBinary isTruncated } }`);
  }
  return `query TwoKeyPull(${vars.join(', ')}) { repository(owner: $owner, name: $name) { ${fields.join(' ')} } }`;
}

interface CommitNode {
  commit?: {
    oid?: string;
    message?: string;
    author?: { name?: string | null; email?: string | null; user?: { login?: string } | null } | null;
    authors?: { nodes?: ({ user?: { login?: string } | null } | null)[] } | null;
  };
}

interface QueryResult {
  repository?: {
    pullRequest?: { commits?: { pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }; nodes?: (CommitNode | null)[] } } | null;
    [alias: string]: unknown;
  } | null;
}

function toCommit(node: CommitNode | null): CommitFacts | null {
  const c = node?.commit;
  if (!c?.oid) return null;
  const resolved = (c.authors?.nodes ?? []).map((a) => a?.user?.login).filter((l): l is string => typeof l === 'string');
  return {
    sha: c.oid,
    authorLogin: c.author?.user?.login ?? null,
    authorName: c.author?.name ?? null,
    authorEmail: c.author?.email ?? null,
    message: c.message ?? '',
    resolvedLogins: resolved,
  };
}

function toBlob(value: unknown): Blob | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { text?: unknown; isBinary?: unknown; isTruncated?: unknown };
  return { text: typeof v.text === 'string' ? v.text : null, isBinary: v.isBinary === true, isTruncated: v.isTruncated === true };
}

/**
 * Commits (when `number` is given) and blobs in as few queries as possible: the first
 * query carries the first page of commits and the first BLOBS_PER_QUERY blobs.
 */
export async function readPullGraph(gh: GitHub, repo: RepoRef, number: number | null, expressions: readonly string[]): Promise<PullGraph> {
  const commits: CommitFacts[] = [];
  const blobs = new Map<string, Blob | null>();
  let after: string | null = null;
  let commitsDone = number === null;
  let next = 0;
  while (!commitsDone || next < expressions.length) {
    const chunk = expressions.slice(next, next + BLOBS_PER_QUERY);
    next += chunk.length;
    const variables: Record<string, unknown> = { owner: repo.owner, name: repo.repo };
    if (!commitsDone) Object.assign(variables, { number, after });
    chunk.forEach((e, i) => (variables[`e${i}`] = e));
    const query = buildQuery(!commitsDone, chunk.length);
    const data: QueryResult = await call(OPS.readContents, () => gh.graphql<QueryResult>(query, variables));
    const repository = data.repository ?? {};
    chunk.forEach((e, i) => blobs.set(e, toBlob(repository[`b${i}`])));
    if (!commitsDone) {
      const page = repository.pullRequest?.commits;
      for (const node of page?.nodes ?? []) {
        const c = toCommit(node);
        if (c) commits.push(c);
      }
      after = page?.pageInfo?.endCursor ?? null;
      commitsDone = !page?.pageInfo?.hasNextPage || after === null;
    }
  }
  return { commits, blobs };
}
