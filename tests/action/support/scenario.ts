import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, statSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TempRepo } from '../../support/git-repo.js';
import { makePatch } from '../../support/patch.js';
import type { Runtime } from '../../support/runtimes.js';
import type { FakeCommit, FakeFile, FakeGitHub, FakePull, FakeReview, FakeState } from './fake-github.js';

// Builds pull requests in the fake GitHub from whole files, makes webhook payloads from the
// real examples in @octokit/webhooks-examples, and runs the built dist/index.js as GitHub would.

export const sha = (seed: string): string => createHash('sha1').update(seed).digest('hex');

interface WebhookExamples {
  name: string;
  examples: Record<string, unknown>[];
}
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as WebhookExamples[];

/** A real example payload of `event` (with `action`), deep-copied so a test can adapt it. */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const found = examples.find((e) => e.name === event)?.examples.find((x) => action === undefined || x.action === action);
  if (!found) throw new Error(`no webhook example for ${event}.${action ?? ''}`);
  return structuredClone(found);
}

export interface FileSpec {
  path: string;
  before?: string | null;
  after: string | null;
  /** GitHub sends no patch (too large to show). */
  noPatch?: boolean;
}

export interface PullSpec {
  number: number;
  author?: string;
  title?: string;
  head?: string;
  base?: string;
  files: FileSpec[];
  commits?: FakeCommit[];
  /** Overrides changed_files (GitHub's count), e.g. beyond the 3,000 the files API lists. */
  changedFiles?: number;
  headRepo?: string;
}

export function addPull(s: FakeState, spec: PullSpec): FakePull {
  const head = spec.head ?? sha(`head-${spec.number}`);
  const base = spec.base ?? sha(`base-${spec.number}`);
  const author = spec.author ?? 'alice';
  const files: FakeFile[] = spec.files.map((f) => {
    const before = f.before ?? null;
    const status = before === null ? 'added' : f.after === null ? 'removed' : 'modified';
    if (f.after !== null) s.blobs.set(`${head}:${f.path}`, f.after);
    const file: FakeFile = { filename: f.path, status };
    if (!f.noPatch) file.patch = makePatch(before, f.after);
    return file;
  });
  const data: Record<string, unknown> = {
    number: spec.number,
    state: 'open',
    title: spec.title ?? `Change #${spec.number}`,
    html_url: `https://github.test/${s.owner}/${s.repo}/pull/${spec.number}`,
    user: { login: author, type: 'User' },
    head: { sha: head, ref: `feature-${spec.number}`, repo: { full_name: spec.headRepo ?? `${s.owner}/${s.repo}` } },
    base: { sha: base, ref: 'main', repo: { full_name: `${s.owner}/${s.repo}` } },
    changed_files: spec.changedFiles ?? files.length,
  };
  const pull: FakePull = {
    data,
    files,
    commits: spec.commits ?? [
      { oid: head, message: `Change #${spec.number}`, author: { name: 'Alice Liddell', email: 'alice@example.com', login: author } },
    ],
    reviews: [],
    comments: [],
    labels: [],
  };
  s.pulls.set(spec.number, pull);
  return pull;
}

let reviewId = 100;
export function addReview(pull: FakePull, login: string, state: string, extra: Partial<FakeReview> = {}): FakeReview {
  const r: FakeReview = {
    id: reviewId++,
    user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
    state,
    submitted_at: `2026-03-0${(reviewId % 8) + 1}T10:${String(reviewId % 60).padStart(2, '0')}:00Z`,
    commit_id: String((pull.data.head as { sha: string }).sha),
    ...extra,
  };
  pull.reviews.push(r);
  return r;
}

/** A pull_request (or pull_request_target) payload for the PR, adapted from the real example. */
export function pullPayload(
  s: FakeState,
  pull: FakePull,
  event: 'pull_request' | 'pull_request_review',
  action: string,
): Record<string, unknown> {
  const payload = examplePayload(event, action);
  const example = payload.pull_request as Record<string, unknown>;
  payload.pull_request = { ...example, ...pull.data, labels: pull.labels.map((name) => ({ name, color: 'ededed' })) };
  if (event === 'pull_request') payload.number = pull.data.number;
  const repository = payload.repository as Record<string, unknown>;
  payload.repository = {
    ...repository,
    name: s.repo,
    full_name: `${s.owner}/${s.repo}`,
    owner: { ...(repository.owner as object), login: s.owner },
  };
  return payload;
}

/** Waits (briefly) while a concurrent `npm run build` is rewriting dist/. */
function waitForStableBuild(): void {
  const size = (): string => ['dist/index.js', 'dist/libpg-query.wasm'].map((f) => (existsSync(f) ? statSync(f).size : -1)).join(',');
  for (let i = 0; i < 100; i++) {
    const a = size();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    if (a === size() && !a.includes('-1')) return;
  }
  throw new Error('dist/index.js is missing or keeps changing; run `npm run build`');
}

/**
 * A private copy of the built action (index.js and the WASM beside it), so that a rebuild
 * of dist/ by another test run on the same machine cannot pull it away mid-scenario.
 */
export function copyBuiltAction(): { path: string; cleanup: () => void } {
  waitForStableBuild();
  const dir = mkdtempSync(join(tmpdir(), 'two-key-dist-'));
  for (const f of readdirSync('dist')) if (f === 'index.js' || f.endsWith('.wasm')) copyFileSync(join('dist', f), join(dir, f));
  return { path: join(dir, 'index.js'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    out[m[1] ?? ''] = value.join('\n');
  }
  return out;
}

export interface RunOptions {
  event: string;
  payload: Record<string, unknown>;
  inputs?: Record<string, string>;
  token?: string;
  workspace?: string;
  /** Path of the REST API on the server: `/api/v3` plays GitHub Enterprise Server. */
  apiPath?: string;
}

/** Runs the built action as a real process with the environment GitHub Actions sets. */
export async function runAction(runtime: Runtime, action: string, fake: FakeGitHub, options: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'two-key-action-'));
  try {
    const eventPath = join(dir, 'event.json');
    const outputPath = join(dir, 'output.txt');
    const summaryPath = join(dir, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(options.payload));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs: Record<string, string> = {
      'github-token': options.token ?? 'ghs_fakeInstallationToken',
      config: '.github/two-key.yml',
      mode: '',
      'fail-job': 'false',
      ...options.inputs,
    };
    // A clean environment: never the host's own GITHUB_* variables (CI runs on GitHub Actions).
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: options.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${fake.state.owner}/${fake.state.repo}`,
      GITHUB_REPOSITORY_OWNER: fake.state.owner,
      GITHUB_API_URL: `${fake.url}${options.apiPath ?? ''}`,
      GITHUB_GRAPHQL_URL: options.apiPath ? `${fake.url}/api/graphql` : `${fake.url}/graphql`,
      GITHUB_SERVER_URL: 'https://github.test',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKSPACE: options.workspace ?? dir,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      RUNNER_TEMP: dir,
      TWO_KEY_API_TIME_SCALE: '0.001',
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
    const child = spawn(runtime.path, [action], { env, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every request, as `METHOD path` lines. */
export function calls(s: FakeState): string[] {
  return s.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`);
}

export function invalidBodies(s: FakeState): string[] {
  return s.requests.flatMap((r) => r.invalid);
}

/** A local clone as `actions/checkout` with fetch-depth: 0 would leave it: base and head commits. */
export function gitRepo(
  baseFiles: Record<string, string>,
  headFiles: Record<string, string>,
): { dir: string; base: string; head: string; cleanup: () => void } {
  const repo = new TempRepo();
  const base = repo.commit(baseFiles, 'base');
  const head = repo.commit(headFiles, 'head');
  return { dir: repo.dir, base, head, cleanup: () => repo.remove() };
}
