import * as core from '@actions/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Config, Mode } from './config/defaults.js';
import { ConfigError, parseConfig } from './config/parse.js';
import { maxRisk, type Finding, type Severity } from './core/types.js';
import type { Verdict } from './policy/decide.js';
import { renderSarif } from './report/sarif.js';
import { renderSummary, type EvaluatedPull } from './report/summary.js';
import { createClient } from './github/client.js';
import { setCommitStatus } from './github/commit-status.js';
import { GitHubError, OPS } from './github/errors.js';
import { evaluatePull, type EvaluateContext } from './github/evaluate.js';
import { blobUrl, publish, publishError, type PublishContext } from './github/publish.js';
import { pullNumberFromQueueRef } from './github/merge-queue.js';
import { getPull, listOpenPulls, pullFacts, type PullFacts, type RepoRef } from './github/pull.js';
import { readConfigText } from './github/read-config.js';
import { ownLogins } from './github/viewer.js';

// The Action edge: inputs, environment, event payload and the clock come in here; the
// evaluation is the same run() the CLI uses; every failure fails closed.

const PR_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review', 'edited', 'labeled', 'unlabeled'];
const REVIEW_ACTIONS = ['submitted', 'dismissed', 'edited'];

interface Inputs {
  token: string;
  configPath: string;
  mode: Mode | null;
  failJob: boolean;
  sarifFile: string | null;
  statusContext: string | null;
  botLogins: string[];
}

function readInputs(): Inputs {
  const mode = core.getInput('mode');
  if (mode !== '' && mode !== 'enforce' && mode !== 'report')
    throw new ConfigError('input mode', [`mode: expected enforce or report, got "${mode}"`]);
  const failJob = core.getInput('fail-job') || 'false';
  if (failJob !== 'true' && failJob !== 'false')
    throw new ConfigError('input fail-job', [`fail-job: expected true or false, got "${failJob}"`]);
  const token = core.getInput('github-token');
  if (!token)
    throw new Error('the github-token input is empty; pass ${{ github.token }} or a token with the permissions listed in docs/github.md');
  return {
    token,
    configPath: core.getInput('config') || '.github/two-key.yml',
    mode: mode === '' ? null : mode,
    failJob: failJob === 'true',
    sarifFile: core.getInput('sarif-file') || null,
    statusContext: core.getInput('status-context') || null,
    botLogins: core
      .getInput('bot-login')
      .split(/[\s,]+/)
      .filter(Boolean),
  };
}

interface Target {
  pull: PullFacts;
  statusSha: string;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

async function targetsFor(
  eventName: string,
  payload: Record<string, unknown>,
  gh: ReturnType<typeof createClient>,
  repo: RepoRef,
  statusContext: string,
): Promise<Target[] | string> {
  const action = typeof payload.action === 'string' ? payload.action : '';
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review': {
      const actions = eventName === 'pull_request_review' ? REVIEW_ACTIONS : PR_ACTIONS;
      if (!actions.includes(action)) return `Two-Key does not evaluate ${eventName}.${action}; nothing to do.`;
      const pull = pullFacts(payload.pull_request);
      return [{ pull, statusSha: pull.headSha }];
    }
    case 'merge_group': {
      const group = obj(payload.merge_group);
      const headSha = typeof group.head_sha === 'string' ? group.head_sha : '';
      const number = pullNumberFromQueueRef(typeof group.head_ref === 'string' ? group.head_ref : '');
      if (!headSha || number === null) throw new Error(`cannot find the pull request of merge group ${String(group.head_ref)}`);
      // The PR's own change and sign-offs, judged now (freeze windows apply at merge time), gate the group's head.
      try {
        return [{ pull: await getPull(gh, repo, number), statusSha: headSha }];
      } catch (error) {
        await setCommitStatus(gh, repo, {
          sha: headSha,
          state: 'error',
          context: statusContext,
          description: `Evaluation failed: ${message(error)}`,
          targetUrl: null,
        }).catch(() => undefined);
        throw error;
      }
    }
    case 'schedule':
    case 'workflow_dispatch':
      return (await listOpenPulls(gh, repo)).map((pull) => ({ pull, statusSha: pull.headSha }));
    default:
      return `Two-Key runs on pull_request_target, pull_request, pull_request_review, merge_group, schedule and workflow_dispatch; ${eventName} is not one of them, so nothing was evaluated.`;
  }
}

function isFork(pull: PullFacts, repo: RepoRef): boolean {
  return pull.headRepo !== null && pull.headRepo.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase();
}

function setOutputs(verdicts: Verdict[]): void {
  const findings: Finding[] = verdicts.flatMap((v) => v.findings);
  core.setOutput('risk', maxRisk(findings.map((f) => f.severity as Severity)));
  core.setOutput('findings', JSON.stringify(findings));
  core.setOutput('required-approvals', String(Math.max(0, ...verdicts.map((v) => v.approvals.required))));
  core.setOutput('satisfied', String(verdicts.every((v) => v.satisfied)));
}

/** On these events a fork's token is read-only: nothing can be written back. */
const FORK_READ_ONLY_EVENTS = ['pull_request', 'pull_request_review'];

const FORK_NOTICE =
  'This pull request comes from a fork, and on this event its token is read-only, so Two-Key could not write the status, comment or labels. The findings are shown as annotations and the job fails while sign-off is missing. Run Two-Key on pull_request_target (it never checks out or runs the fork code) to get the full gate; see docs/github.md.';

interface TargetOutcome {
  pull: EvaluatedPull;
  /** Messages that fail the job. */
  failures: string[];
}

/** Evaluates and publishes one pull request; any failure becomes an `error` status (fail closed). */
async function evaluateTarget(args: {
  evalCtx: EvaluateContext;
  pubCtx: PublishContext;
  target: Target;
  statusContext: string | null;
  readOnlyFork: boolean;
}): Promise<TargetOutcome> {
  const { pull, statusSha } = args.target;
  const label = `#${pull.number}`;
  const base = { number: pull.number, title: pull.title, url: pull.htmlUrl };
  let context = args.statusContext ?? 'two-key';
  try {
    const { config, verdict } = await evaluatePull(args.evalCtx, pull);
    context = args.statusContext ?? config.context;
    const result = await publish(args.pubCtx, { pull, statusSha, context, verdict });
    core.info(
      `${label}: risk ${verdict.risk}; status ${result.state}: ${result.description}${result.statusWritten ? '' : ' (not written)'}`,
    );
    for (const w of result.warnings) {
      const fallback =
        result.annotationsFallback && w.operation === OPS.checkRun ? ' The findings were written as workflow annotations instead.' : '';
      core.warning(`${label}: ${w.message}${fallback}`);
    }
    const outcome: TargetOutcome = { pull: { ...base, verdict, error: null, state: result.state }, failures: [] };
    if (result.errors.length > 0 && args.readOnlyFork) {
      // The job result is the only gate left.
      core.notice(FORK_NOTICE);
      if (verdict.blocking) outcome.failures.push(`${label}: ${result.description}`);
    } else {
      outcome.failures.push(...result.errors.map((e) => `${label}: ${e.message}`));
    }
    return outcome;
  } catch (error) {
    const text = message(error);
    const written = await publishError(args.pubCtx, statusSha, context, `Evaluation failed: ${text}`);
    return {
      pull: { ...base, verdict: null, error: text, state: 'error' },
      failures: [`${label}: ${text}${written ? '' : ' (the error status could not be written either)'}`],
    };
  }
}

async function main(): Promise<void> {
  const now = new Date();
  const inputs = readInputs();
  const env = process.env;
  const [owner = '', name = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !name) throw new Error('GITHUB_REPOSITORY is not set; Two-Key runs inside GitHub Actions');
  const repo: RepoRef = { owner, repo: name };
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const payload = obj(env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {});
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const runUrl = `${serverUrl}/${owner}/${name}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`;
  const scale = Number(env.TWO_KEY_API_TIME_SCALE ?? '1');
  const gh = createClient({
    token: inputs.token,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    timeScale: Number.isFinite(scale) && scale >= 0 ? scale : 1,
    log: (m) => core.info(m),
  });

  const targets = await targetsFor(eventName, payload, gh, repo, inputs.statusContext ?? 'two-key');
  if (typeof targets === 'string') {
    core.notice(targets);
    return;
  }

  const configs = new Map<string, Promise<Config>>();
  const evalCtx: EvaluateContext = {
    gh,
    repo,
    now,
    workspace: env.GITHUB_WORKSPACE ?? null,
    modeOverride: inputs.mode,
    loadConfig: (baseRef) => {
      let c = configs.get(baseRef);
      if (!c) {
        c = readConfigText(gh, repo, inputs.configPath, baseRef).then((text) => parseConfig(text, `${inputs.configPath} (on ${baseRef})`));
        configs.set(baseRef, c);
      }
      return c;
    },
  };
  const needsIdentity = targets.length > 0;
  const logins = needsIdentity ? await ownLogins(gh, inputs.token, inputs.botLogins) : [];
  const pubCtx: PublishContext = {
    gh,
    repo,
    serverUrl,
    runUrl,
    identity: { logins, anyBot: inputs.token.startsWith('ghs_') },
    annotate: (a) => {
      const props: core.AnnotationProperties = { title: a.title };
      if (a.file) props.file = a.file;
      if (a.startLine) props.startLine = a.startLine;
      (a.level === 'error' ? core.error : a.level === 'warning' ? core.warning : core.notice)(a.message, props);
    },
  };

  const evaluated: EvaluatedPull[] = [];
  const failures: string[] = [];
  for (const target of targets) {
    const outcome = await evaluateTarget({
      evalCtx,
      pubCtx,
      target,
      statusContext: inputs.statusContext,
      readOnlyFork: FORK_READ_ONLY_EVENTS.includes(eventName) && isFork(target.pull, repo),
    });
    evaluated.push(outcome.pull);
    failures.push(...outcome.failures);
  }
  const verdicts = evaluated.map((e) => e.verdict).filter((v): v is Verdict => v !== null);
  const blocked = verdicts.some((v) => v.blocking);

  setOutputs(verdicts);
  const single = evaluated.length === 1 ? targets[0] : undefined;
  try {
    await core.summary.addRaw(renderSummary(evaluated, single ? { fileUrl: blobUrl(serverUrl, repo, single.pull.headSha) } : {})).write();
  } catch (error) {
    core.warning(`The job summary could not be written: ${message(error)}`);
  }
  if (inputs.sarifFile) {
    if (verdicts.length === 1 && verdicts[0]) {
      const path = isAbsolute(inputs.sarifFile) ? inputs.sarifFile : join(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.sarifFile);
      writeFileSync(path, renderSarif(verdicts[0]));
      core.setOutput('sarif-file', path);
    } else if (verdicts.length > 1) {
      core.notice('sarif-file is written for single pull request events only; a scheduled run evaluates several pull requests.');
    }
  }
  if (failures.length > 0) core.setFailed(failures.join('\n'));
  else if (inputs.failJob && blocked) core.setFailed('Sign-off is missing (fail-job: true).');
}

main().catch((error: unknown) => {
  // Before any target was known (bad input, unreadable event): nothing to put a status on.
  const text =
    error instanceof GitHubError || error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  core.setFailed(`Two-Key failed closed: ${text}`);
});
