import type { Verdict } from '../policy/decide.js';
import { toCheckAnnotations, toWorkflowAnnotations, type WorkflowAnnotation } from '../report/annotations.js';
import { commentMarker, renderComment } from '../report/comment.js';
import { renderMarkdown } from '../report/markdown.js';
import { publishCheckRun } from './check-run.js';
import type { GitHub } from './client.js';
import { setCommitStatus, statusFor } from './commit-status.js';
import { GitHubError } from './errors.js';
import { syncRiskLabels } from './labels.js';
import type { PullFacts, RepoRef } from './pull.js';
import { findComment, upsertComment, type CommentIdentity } from './sticky-comment.js';

// Everything people see for one evaluation. The commit status goes last, so its link can
// point at the comment, and so it reflects a finished evaluation.

export interface PublishContext {
  gh: GitHub;
  repo: RepoRef;
  serverUrl: string;
  runUrl: string;
  /** Lower-case logins the token comments as, and whether any bot's marked comment is ours. */
  identity: Omit<CommentIdentity, 'marker'>;
  annotate: (a: WorkflowAnnotation) => void;
}

export interface PublishTarget {
  pull: PullFacts;
  /** The PR head, or the merge group head in the merge queue. */
  statusSha: string;
  context: string;
  verdict: Verdict;
}

export interface PublishResult {
  state: 'success' | 'failure';
  description: string;
  statusWritten: boolean;
  commentUrl: string | null;
  /** Failures of the gate or the comment (each names the permission to grant); they fail the job. */
  errors: GitHubError[];
  /** Failures with a fallback or of cosmetic output (check run -> workflow annotations; labels): warnings. */
  warnings: GitHubError[];
  /** The check run could not be created, so the findings went out as workflow-command annotations. */
  annotationsFallback: boolean;
}

export function blobUrl(serverUrl: string, repo: RepoRef, sha: string): (path: string, line: number | null) => string {
  return (path, line) =>
    `${serverUrl}/${repo.owner}/${repo.repo}/blob/${sha}/${path.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
}

async function attempt(errors: GitHubError[], fn: () => Promise<void>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    errors.push(error);
    return false;
  }
}

export async function publish(ctx: PublishContext, target: PublishTarget): Promise<PublishResult> {
  const { gh, repo } = ctx;
  const { pull, verdict } = target;
  const errors: GitHubError[] = [];
  const identity: CommentIdentity = { ...ctx.identity, marker: commentMarker(target.context) };
  const fileUrl = blobUrl(ctx.serverUrl, repo, pull.headSha);

  let commentUrl: string | null = null;
  await attempt(errors, async () => {
    const existing = await findComment(gh, repo, pull.number, identity);
    const body = renderComment(verdict, { marker: identity.marker, fileUrl, previous: existing !== null });
    commentUrl = (await upsertComment(gh, repo, pull.number, identity, existing, body)).url;
  });

  const warnings: GitHubError[] = [];
  const annotations = toCheckAnnotations(verdict.findings);
  const checked = await attempt(warnings, async () => {
    if (verdict.findings.length === 0 && annotations.length === 0) return;
    await publishCheckRun(gh, repo, {
      headSha: target.statusSha,
      title: `Two-Key: risk ${verdict.risk}, ${verdict.findings.length} finding${verdict.findings.length === 1 ? '' : 's'}`,
      summary: renderMarkdown(verdict, { fileUrl, collapseDetails: true, maxDetails: 20, maxRows: 200 }).slice(0, 65_000),
      conclusion: verdict.findings.length === 0 ? 'success' : 'neutral',
      annotations,
      detailsUrl: commentUrl ?? ctx.runUrl,
    });
  });
  if (!checked) for (const a of toWorkflowAnnotations(verdict.findings)) ctx.annotate(a);

  await attempt(warnings, () => syncRiskLabels(gh, repo, pull.number, pull.labels, verdict.risk));

  const { state, description } = statusFor(verdict);
  const statusWritten = await attempt(errors, () =>
    setCommitStatus(gh, repo, { sha: target.statusSha, state, context: target.context, description, targetUrl: commentUrl ?? ctx.runUrl }),
  );
  return { state, description, statusWritten, commentUrl, errors, warnings, annotationsFallback: !checked };
}

/** After a failed evaluation: the gate fails closed with `error`. Returns whether it could be written. */
export async function publishError(ctx: PublishContext, sha: string, context: string, message: string): Promise<boolean> {
  const errors: GitHubError[] = [];
  return attempt(errors, () =>
    setCommitStatus(ctx.gh, ctx.repo, { sha, state: 'error', context, description: message, targetUrl: ctx.runUrl }),
  );
}
