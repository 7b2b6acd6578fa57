import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestBodyErrors } from './openapi.js';

// A small GitHub: the REST and GraphQL endpoints Two-Key uses, over real HTTP on 127.0.0.1,
// with state a test can arrange and inspect, every request recorded, and faults on demand.

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** Problems found validating the body against GitHub's OpenAPI description. */
  invalid: string[];
}

export interface FakeFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  previous_filename?: string;
  /** Omitted for binary files and diffs GitHub will not show. */
  patch?: string;
}

export interface FakeCommit {
  oid: string;
  message: string;
  author: { name: string; email: string; login: string | null };
  /** Logins GitHub resolves for all authors (co-authors included). */
  authors?: string[];
}

export interface FakeReview {
  id: number;
  user: { login: string; type: 'User' | 'Bot' };
  state: string;
  submitted_at: string;
  commit_id: string;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
  html_url: string;
}

export interface FakePull {
  /** The REST pull request object (also what webhook payloads carry). */
  data: Record<string, unknown>;
  files: FakeFile[];
  commits: FakeCommit[];
  reviews: FakeReview[];
  comments: FakeComment[];
  labels: string[];
}

export interface Fault {
  method: string;
  /** Matched against the request path (no query). */
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail before the endpoint answers normally again. */
  times: number;
}

export interface FakeState {
  owner: string;
  repo: string;
  pulls: Map<number, FakePull>;
  /** Blob texts by `sha:path`; `{ binary: true }` for a binary file. */
  blobs: Map<string, string | { binary: true }>;
  /** Config text per ref (branch name). */
  configs: Map<string, string>;
  permissions: Record<string, string>;
  /** Team members by `org/slug`; a missing team answers 404, one listed in forbiddenTeams 403. */
  teams: Record<string, string[]>;
  forbiddenTeams: Set<string>;
  /** Files changed since a commit, by `base...head`; missing means "ahead" with no files. */
  compare: Map<string, { status: string; files: string[] }>;
  /** Repository labels: name -> colour and description. */
  repoLabels: Map<string, { color: string; description: string | null }>;
  statuses: { sha: string; state: string; context: string; description: string; target_url?: string }[];
  checkRuns: { id: number; head_sha: string; name: string; conclusion: string; annotations: unknown[] }[];
  /** Login of the token for GET /user; null answers 403 like an installation token. */
  viewer: string | null;
  /** Who comments: the token's identity as GitHub shows it on comments. */
  commenter: { login: string; type: 'User' | 'Bot' };
  faults: Fault[];
  requests: RecordedRequest[];
  /** Requests that came in on GitHub Enterprise Server paths (/api/v3, /api/graphql). */
  enterpriseRequests: number;
  /** Called after each request is answered: lets a test play a second, racing run. */
  afterRequest?: (req: RecordedRequest, state: FakeState) => void;
}

export function emptyState(): FakeState {
  return {
    owner: 'acme',
    repo: 'shop',
    pulls: new Map(),
    blobs: new Map(),
    configs: new Map(),
    permissions: {},
    teams: {},
    forbiddenTeams: new Set(),
    compare: new Map(),
    repoLabels: new Map([['bug', { color: 'd73a4a', description: "Something isn't working" }]]),
    statuses: [],
    checkRuns: [],
    viewer: null,
    commenter: { login: 'github-actions[bot]', type: 'Bot' },
    faults: [],
    requests: [],
    enterpriseRequests: 0,
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
type Handler = (m: RegExpExecArray, req: RecordedRequest, s: FakeState, url: URL) => Reply;

const ok = (body: unknown, status = 200): Reply => ({ status, body });

function pull(s: FakeState, n: string | undefined): FakePull {
  const p = s.pulls.get(Number(n));
  if (!p) throw new HttpError(404, 'Not Found');
  return p;
}

function page<T>(items: T[], url: URL): Reply {
  const perPage = Number(url.searchParams.get('per_page') ?? 30);
  const pageNo = Number(url.searchParams.get('page') ?? 1);
  const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const headers: Record<string, string> = {};
  if (pageNo * perPage < items.length) {
    const next = new URL(url);
    next.searchParams.set('page', String(pageNo + 1));
    next.searchParams.set('per_page', String(perPage));
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  return { status: 200, body: slice, headers };
}

const bodyOf = (req: RecordedRequest): Record<string, unknown> =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

let nextId = 9000;

const routes: [string, RegExp, Handler][] = [
  [
    'GET',
    /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/,
    (m, _r, s, url) => {
      const text = s.configs.get(url.searchParams.get('ref') ?? '');
      if (text === undefined) throw new HttpError(404, 'Not Found');
      return ok({ type: 'file', encoding: 'base64', path: decodeURIComponent(m[1] ?? ''), content: Buffer.from(text).toString('base64') });
    },
  ],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/, (m, _r, s, url) => page(pull(s, m[1]).files.slice(0, 3000), url)],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/, (m, _r, s, url) => page(pull(s, m[1]).reviews, url)],
  [
    'GET',
    /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/,
    (m, _r, s) => ok({ ...pull(s, m[1]).data, labels: pull(s, m[1]).labels.map((name) => ({ name })) }),
  ],
  [
    'GET',
    /^\/repos\/[^/]+\/[^/]+\/pulls$/,
    (_m, _r, s, url) =>
      page(
        [...s.pulls.values()]
          .filter((p) => p.data.state === 'open')
          .map((p) => ({ ...p.data, labels: p.labels.map((name) => ({ name })) })),
        url,
      ),
  ],
  [
    'GET',
    /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/,
    (m, _r, s) => {
      const login = decodeURIComponent(m[1] ?? '');
      const role = s.permissions[login.toLowerCase()];
      if (!role) throw new HttpError(404, 'Not Found');
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
      return ok({ permission, role_name: role, user: { login } });
    },
  ],
  [
    'GET',
    /^\/orgs\/([^/]+)\/teams\/([^/]+)\/members$/,
    (m, _r, s, url) => {
      const team = `${m[1]}/${m[2]}`.toLowerCase();
      if (s.forbiddenTeams.has(team)) throw new HttpError(403, 'Resource not accessible by integration');
      const members = s.teams[team];
      if (!members) throw new HttpError(404, 'Not Found');
      return page(
        members.map((login) => ({ login, type: 'User' })),
        url,
      );
    },
  ],
  [
    'GET',
    /^\/repos\/[^/]+\/[^/]+\/compare\/(.+)$/,
    (m, _r, s) => {
      const c = s.compare.get(decodeURIComponent(m[1] ?? '')) ?? { status: 'ahead', files: [] };
      return ok({ status: c.status, files: c.files.map((filename) => ({ filename, status: 'modified' })) });
    },
  ],
  [
    'POST',
    /^\/repos\/[^/]+\/[^/]+\/statuses\/([0-9a-f]+)$/,
    (m, r, s) => {
      const b = bodyOf(r);
      s.statuses.push({
        sha: m[1] ?? '',
        state: String(b.state),
        context: String(b.context),
        description: String(b.description),
        ...(typeof b.target_url === 'string' ? { target_url: b.target_url } : {}),
      });
      return ok({ id: nextId++, state: b.state }, 201);
    },
  ],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, (m, _r, s, url) => page(pull(s, m[1]).comments, url)],
  [
    'POST',
    /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
    (m, r, s) => {
      const id = nextId++;
      const comment: FakeComment = {
        id,
        body: String(bodyOf(r).body),
        user: { ...s.commenter },
        html_url: `https://github.test/${s.owner}/${s.repo}/pull/${m[1]}#issuecomment-${id}`,
      };
      pull(s, m[1]).comments.push(comment);
      return ok(comment, 201);
    },
  ],
  [
    'PATCH',
    /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/,
    (m, r, s) => {
      for (const p of s.pulls.values()) {
        const c = p.comments.find((x) => x.id === Number(m[1]));
        if (c) {
          c.body = String(bodyOf(r).body);
          return ok(c);
        }
      }
      throw new HttpError(404, 'Not Found');
    },
  ],
  [
    'POST',
    /^\/repos\/[^/]+\/[^/]+\/check-runs$/,
    (_m, r, s) => {
      const b = bodyOf(r);
      const output = (b.output ?? {}) as { annotations?: unknown[] };
      const run = {
        id: nextId++,
        head_sha: String(b.head_sha),
        name: String(b.name),
        conclusion: String(b.conclusion),
        annotations: [...(output.annotations ?? [])],
      };
      s.checkRuns.push(run);
      return ok({ id: run.id, html_url: `https://github.test/${s.owner}/${s.repo}/runs/${run.id}` }, 201);
    },
  ],
  [
    'PATCH',
    /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/,
    (m, r, s) => {
      const run = s.checkRuns.find((c) => c.id === Number(m[1]));
      if (!run) throw new HttpError(404, 'Not Found');
      const output = (bodyOf(r).output ?? {}) as { annotations?: unknown[] };
      run.annotations.push(...(output.annotations ?? []));
      return ok({ id: run.id });
    },
  ],
  [
    'PATCH',
    /^\/repos\/[^/]+\/[^/]+\/labels\/(.+)$/,
    (m, r, s) => {
      const name = decodeURIComponent(m[1] ?? '');
      const label = s.repoLabels.get(name);
      if (!label) throw new HttpError(404, 'Not Found');
      const b = bodyOf(r);
      if (typeof b.color === 'string') label.color = b.color;
      if (typeof b.description === 'string') label.description = b.description;
      return ok({ name, ...label });
    },
  ],
  [
    'POST',
    /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels$/,
    (m, r, s) => {
      const p = pull(s, m[1]);
      for (const l of (bodyOf(r).labels ?? []) as string[]) {
        // Like GitHub: a label the repository lacks is created, grey and without a description.
        if (!s.repoLabels.has(l)) s.repoLabels.set(l, { color: 'ededed', description: null });
        if (!p.labels.includes(l)) p.labels.push(l);
      }
      return ok(p.labels.map((name) => ({ name, ...s.repoLabels.get(name) })));
    },
  ],
  [
    'DELETE',
    /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels\/(.+)$/,
    (m, _r, s) => {
      const p = pull(s, m[1]);
      const name = decodeURIComponent(m[2] ?? '');
      if (!p.labels.includes(name)) throw new HttpError(404, 'Label does not exist');
      p.labels = p.labels.filter((l) => l !== name);
      return ok(p.labels.map((l) => ({ name: l })));
    },
  ],
  [
    'GET',
    /^\/user$/,
    (_m, _r, s) => {
      if (s.viewer === null) throw new HttpError(403, 'Resource not accessible by integration');
      return ok({ login: s.viewer, type: 'User' });
    },
  ],
  ['POST', /^\/graphql$/, (_m, r, s) => ok({ data: graphql(bodyOf(r), s) })],
];

/** Answers Two-Key's one GraphQL query shape: optional PR commits page plus aliased blobs b0..bN. */
function graphql(body: Record<string, unknown>, s: FakeState): unknown {
  const query = String(body.query ?? '');
  const vars = (body.variables ?? {}) as Record<string, unknown>;
  const repository: Record<string, unknown> = {};
  if (query.includes('pullRequest(')) {
    const p = pull(s, String(vars.number));
    const start = typeof vars.after === 'string' ? Number(vars.after) : 0;
    const nodes = p.commits.slice(start, start + 100).map((c) => ({
      commit: {
        oid: c.oid,
        message: c.message,
        author: { name: c.author.name, email: c.author.email, user: c.author.login ? { login: c.author.login } : null },
        authors: { nodes: (c.authors ?? (c.author.login ? [c.author.login] : [])).map((login) => ({ user: { login } })) },
      },
    }));
    const end = start + nodes.length;
    repository.pullRequest = { commits: { pageInfo: { hasNextPage: end < p.commits.length, endCursor: String(end) }, nodes } };
  }
  for (const [key, value] of Object.entries(vars)) {
    const m = /^e(\d+)$/.exec(key);
    if (!m) continue;
    const blob = s.blobs.get(String(value));
    repository[`b${m[1]}`] =
      blob === undefined
        ? null
        : typeof blob === 'string'
          ? { text: blob, isBinary: false, isTruncated: false }
          : { text: null, isBinary: true, isTruncated: false };
  }
  return { repository };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class FakeGitHub {
  state: FakeState = emptyState();
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  reset(): FakeState {
    this.state = emptyState();
    return this.state;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    // GitHub Enterprise Server serves REST under /api/v3 and GraphQL at /api/graphql.
    const path = url.pathname === '/api/graphql' ? '/graphql' : url.pathname.replace(/^\/api\/v3(?=\/)/, '');
    if (path !== url.pathname) this.state.enterpriseRequests += 1;
    const recorded: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      invalid: method === 'GET' ? [] : requestBodyErrors(method, path, body),
    };
    this.state.requests.push(recorded);
    const send = (r: Reply): void => {
      res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', ...(r.headers ?? {}) });
      res.end(r.body === undefined ? '' : JSON.stringify(r.body));
    };
    const fault = this.state.faults.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.times -= 1;
      send({ status: fault.status, body: fault.body ?? { message: `fault ${fault.status}` }, headers: fault.headers ?? {} });
      return;
    }
    for (const [m, re, handler] of routes) {
      const match = m === method ? re.exec(path) : null;
      if (!match) continue;
      try {
        const reply = handler(match, recorded, this.state, url);
        this.state.afterRequest?.(recorded, this.state);
        send(reply);
      } catch (error) {
        if (error instanceof HttpError) send({ status: error.status, body: { message: error.message } });
        else send({ status: 500, body: { message: String(error) } });
      }
      return;
    }
    send({ status: 404, body: { message: `fake GitHub has no route for ${method} ${path}` } });
  }
}
