// Turns GitHub's refusals into messages a workflow author can act on: a 403 names the
// permission to grant, instead of "Resource not accessible by integration".

export interface Operation {
  /** What Two-Key was doing, e.g. "write the commit status". */
  what: string;
  /** The `permissions:` entry (or token scope) it needs. */
  permission: string;
}

export const OPS = {
  readConfig: { what: 'read the config from the base branch', permission: 'contents: read' },
  readPull: { what: 'read the pull request', permission: 'pull-requests: read' },
  listFiles: { what: 'list the pull request files', permission: 'pull-requests: read' },
  readContents: { what: 'read file contents (GraphQL)', permission: 'contents: read' },
  listReviews: { what: 'list the reviews', permission: 'pull-requests: read' },
  listCommits: { what: 'list the pull request commits', permission: 'pull-requests: read' },
  permission: { what: "read a reviewer's repository permission", permission: 'metadata: read' },
  compare: { what: 'compare an approved commit with the head', permission: 'contents: read' },
  teamMembers: {
    what: 'read the members of a team named in approvals.*.from',
    permission:
      'read:org (GITHUB_TOKEN cannot read teams: pass a personal access token with read:org, or a GitHub App token with organization members: read, as github-token)',
  },
  status: { what: 'write the commit status', permission: 'statuses: write' },
  comments: { what: 'read or write the pull request comment', permission: 'pull-requests: write' },
  checkRun: { what: 'create the check run with annotations', permission: 'checks: write' },
  labels: { what: 'set the risk labels', permission: 'issues: write' },
  listPulls: { what: 'list the open pull requests', permission: 'pull-requests: read' },
} satisfies Record<string, Operation>;

export class GitHubError extends Error {
  override name = 'GitHubError';
  constructor(
    readonly operation: Operation,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

function statusOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') return error.status;
  return null;
}

export function describeFailure(op: Operation, error: unknown): string {
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (status === 403 || status === 401) {
    return `Two-Key could not ${op.what}: GitHub answered ${status} (${detail}). The token needs \`${op.permission}\`; grant it under \`permissions:\` in the workflow.`;
  }
  if (status === 404 && op === OPS.teamMembers) {
    return `Two-Key could not ${op.what}: GitHub answered 404, which means the team does not exist or the token cannot see it. The token needs ${op.permission}.`;
  }
  return `Two-Key could not ${op.what}: ${status !== null ? `GitHub answered ${status}: ` : ''}${detail}`;
}

/** Runs one GitHub call; a failure becomes a GitHubError whose message says what to do. */
export async function call<T>(op: Operation, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GitHubError) throw error;
    throw new GitHubError(op, statusOf(error), describeFailure(op, error));
  }
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  const s = error instanceof GitHubError ? error.status : statusOf(error);
  return s !== null && statuses.includes(s);
}
