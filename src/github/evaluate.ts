import { buildChangeSet, planContents } from '../changes/github.js';
import type { ChangeSet } from '../changes/model.js';
import type { Config, Mode } from '../config/defaults.js';
import { isIgnored, ruleRunsOn } from '../core/analyze.js';
import { isBlocking } from '../core/types.js';
import {
  commitsToCompare,
  type CommitFacts,
  evaluateApprovals,
  latestReviews,
  reviewersToVerify,
  teamsIn,
  type Permission,
} from '../policy/approvals.js';
import { decide, type Verdict } from '../policy/decide.js';
import { allRules } from '../rules/index.js';
import { run } from '../run.js';
import type { GitHub } from './client.js';
import { changedSince } from './compare.js';
import { MAX_PR_FILES } from './limits.js';
import { listPullFiles } from './list-files.js';
import { listReviews } from './list-reviews.js';
import { localChangeSet } from './local-checkout.js';
import { getPermission } from './permission.js';
import { readPullGraph } from './pull-graphql.js';
import type { PullFacts, RepoRef } from './pull.js';
import { listTeamMembers } from './team-members.js';

// One evaluation of one pull request: read through the API, then the same run() as the CLI.

export interface EvaluateContext {
  gh: GitHub;
  repo: RepoRef;
  now: Date;
  /** GITHUB_WORKSPACE, for the local-checkout fallback. */
  workspace: string | null;
  modeOverride: Mode | null;
  /** Config per base branch, read once per run. */
  loadConfig: (baseRef: string) => Promise<Config>;
}

export interface Evaluation {
  config: Config;
  verdict: Verdict;
  changes: ChangeSet;
}

/** Whether some rule would read this path's full text. */
function wants(config: Config): (path: string) => boolean {
  return (path) => {
    const file = { path, oldPath: null };
    const ignored = isIgnored(file, config);
    return allRules.some((r) => r.kind === 'file' && ruleRunsOn(r, file, ignored));
  };
}

async function readChanges(
  ctx: EvaluateContext,
  pull: PullFacts,
  config: Config,
): Promise<{ changes: ChangeSet; commits: CommitFacts[] | null }> {
  const files = await listPullFiles(ctx.gh, ctx.repo, pull.number);
  const input = {
    files,
    totalFiles: pull.changedFiles,
    listLimit: MAX_PR_FILES,
    headSha: pull.headSha,
    baseSha: pull.baseSha,
    wants: wants(config),
  };
  const { expressions } = planContents(input);
  // The commits ride along with the blobs for free; with no blob to read they wait until approvals matter.
  const graph = expressions.length > 0 ? await readPullGraph(ctx.gh, ctx.repo, pull.number, expressions) : null;
  let changes = buildChangeSet(input, graph?.blobs ?? new Map());
  if (changes.incomplete) changes = localChangeSet(ctx.workspace, pull.baseSha, pull.headSha) ?? changes;
  return { changes, commits: graph?.commits ?? null };
}

export async function evaluatePull(ctx: EvaluateContext, pull: PullFacts): Promise<Evaluation> {
  const loaded = await ctx.loadConfig(pull.baseRef);
  const config = ctx.modeOverride ? { ...loaded, mode: ctx.modeOverride } : loaded;
  const { changes, commits } = await readChanges(ctx, pull, config);
  const first = await run({ changes, config, now: ctx.now });
  // Nothing blocks without approvals: no need to read reviews, permissions or teams.
  if (first.approvals.required === 0 && !first.findings.some((f) => isBlocking(f.severity))) {
    return { config, verdict: first, changes };
  }

  const [reviews, commitList] = await Promise.all([
    listReviews(ctx.gh, ctx.repo, pull.number),
    commits ?? readPullGraph(ctx.gh, ctx.repo, pull.number, []).then((g) => g.commits),
  ]);
  const base = { author: pull.author, headSha: pull.headSha, commits: commitList, reviews };
  const toVerify = reviewersToVerify(base);
  const permissions: Record<string, Permission> = {};
  await Promise.all(toVerify.map(async (login) => void (permissions[login.toLowerCase()] = await getPermission(ctx.gh, ctx.repo, login))));

  const teams: Record<string, string[]> = {};
  const risk = first.risk === 'high' || first.risk === 'critical' ? first.risk : null;
  const named = risk ? teamsIn(config.approvals[risk].from ?? []) : [];
  // Read even before anyone approves, so a token that cannot see teams fails at once, saying so.
  await Promise.all(named.map(async (team) => void (teams[team] = await listTeamMembers(ctx.gh, team))));

  const verified = [...latestReviews(reviews).values()].filter((r) => toVerify.includes(r.login));
  const since: Record<string, string[] | null> = {};
  const compare = commitsToCompare({ headSha: pull.headSha, stale: config.stale }, verified);
  await Promise.all(compare.map(async (sha) => void (since[sha] = await changedSince(ctx.gh, ctx.repo, sha, pull.headSha))));

  const approvals = evaluateApprovals({
    ...base,
    permissions,
    teams,
    stale: config.stale,
    riskyPaths: first.findings.map((f) => f.path),
    changedSince: since,
  });
  return { config, verdict: decide(first.findings, config, approvals), changes };
}
