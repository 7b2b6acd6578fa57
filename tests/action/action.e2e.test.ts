import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runtimes } from '../support/runtimes.js';
import { FakeGitHub, type FakePull, type FakeState } from './support/fake-github.js';
import {
  ADD_ORDERS_ARCHIVE,
  CONFIG,
  createTableMigration,
  DROP_SESSIONS,
  README_AFTER,
  README_BEFORE,
  USER_MODEL_AFTER,
  USER_MODEL_BEFORE,
} from './support/files.js';
import {
  addPull,
  addReview,
  calls,
  copyBuiltAction,
  gitRepo,
  examplePayload,
  invalidBodies,
  pullPayload,
  runAction,
  sha,
  type ActionRun,
  type RunOptions,
} from './support/scenario.js';

// The built dist/index.js, run as a real process under every runtime, against a fake GitHub.
// Each scenario asserts the statuses written, the one comment, and the API calls made.

const fake = new FakeGitHub();
let s: FakeState;
const measured = new Map<string, number>();

let built: ReturnType<typeof copyBuiltAction>;
beforeAll(async () => {
  built = copyBuiltAction();
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
  built.cleanup();
  // The API call counts the issue asks for, printed once per runtime for the closing note.
  for (const [name, n] of measured) console.log(`API calls: ${name}: ${n}`);
});
beforeEach(() => {
  s = fake.reset();
  s.configs.set('main', CONFIG);
  s.permissions = { bob: 'write', carol: 'admin', dan: 'write', dave: 'read' };
});

const MIGRATION = 'db/migrate/20260301120000_drop_sessions.sql';

function riskyPull(number = 7): FakePull {
  return addPull(s, {
    number,
    title: 'Drop the sessions table',
    files: [
      { path: MIGRATION, after: DROP_SESSIONS },
      { path: 'app/models/user.rb', before: USER_MODEL_BEFORE, after: USER_MODEL_AFTER },
    ],
  });
}

const statuses = (): string[] => s.statuses.map((x) => `${x.state}: ${x.description}`);
const comments = (pull: FakePull): string[] => pull.comments.map((c) => c.body);

function expectClean(run: ActionRun): void {
  expect(invalidBodies(s)).toEqual([]);
  expect(run.stderr).not.toMatch(/TypeError|ReferenceError|SyntaxError/);
}

for (const runtime of runtimes()) {
  describe(`dist/index.js on ${runtime.name}`, () => {
    const act = async (options: RunOptions): Promise<ActionRun> => {
      const run = await runAction(runtime, built.path, fake, options);
      // DEBUG_ACTION=1 npx vitest run tests/action prints what each action process wrote.
      if (process.env.DEBUG_ACTION) console.log(run.code, run.stdout, run.stderr);
      expectClean(run);
      return run;
    };
    const onPull = (pull: FakePull, action = 'synchronize'): Promise<ActionRun> =>
      act({ event: 'pull_request_target', payload: pullPayload(s, pull, 'pull_request', action) });
    const onReview = (pull: FakePull, action = 'submitted'): Promise<ActionRun> => {
      // The examples have no `edited` review payload; a submitted one with its action changed is the same shape.
      const payload = pullPayload(s, pull, 'pull_request_review', action === 'edited' ? 'submitted' : action);
      payload.action = action;
      return act({ event: 'pull_request_review', payload });
    };

    it('no risk: success, no comment, no label, few calls', async () => {
      const pull = addPull(s, {
        number: 3,
        files: [
          { path: 'db/migrate/20260302090000_add_orders_archive.sql', after: ADD_ORDERS_ARCHIVE },
          { path: 'app/models/user.rb', before: USER_MODEL_BEFORE, after: USER_MODEL_AFTER },
        ],
      });
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(0);
      expect(statuses()).toEqual(['success: No risky changes found']);
      expect(s.statuses[0]?.context).toBe('two-key');
      expect(s.statuses[0]?.sha).toBe(sha('head-3'));
      expect(pull.comments).toEqual([]);
      expect(pull.labels).toEqual([]);
      expect(run.outputs).toMatchObject({ risk: 'none', findings: '[]', 'required-approvals': '0', satisfied: 'true' });
      // The comments are read even for a clean PR: one left by an earlier, risky version must be updated.
      expect(calls(s)).toEqual([
        'GET /repos/acme/shop/contents/.github/two-key.yml',
        'GET /repos/acme/shop/pulls/3/files',
        'POST /graphql',
        'GET /repos/acme/shop/issues/3/comments',
        `POST /repos/acme/shop/statuses/${sha('head-3')}`,
      ]);
      measured.set('no risk', s.requests.length);
    });

    it('risk, then an approval: failure then success, one comment updated in place', async () => {
      const pull = riskyPull();
      const first = await onPull(pull, 'opened');
      expect(first.code).toBe(0);
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
      expect(pull.comments).toHaveLength(1);
      expect(comments(pull)[0]).toContain('<!-- two-key:sticky-comment context=two-key -->');
      expect(comments(pull)[0]).toContain('database/drop-table');
      expect(comments(pull)[0]).toContain(
        `[${MIGRATION.replace(/_/g, '\\_')}:4](https://github.test/acme/shop/blob/${sha('head-7')}/${MIGRATION}#L4)`,
      );
      expect(s.statuses[0]?.target_url).toBe(pull.comments[0]?.html_url);
      expect(pull.labels).toEqual(['risk:high']);
      expect(s.repoLabels.get('risk:high')).toEqual({ color: 'd93f0b', description: 'Two-Key: high-risk changes, sign-off required' });
      expect(s.checkRuns).toHaveLength(1);
      expect(s.checkRuns[0]).toMatchObject({ name: 'two-key findings', conclusion: 'neutral' });
      expect(s.checkRuns[0]?.annotations).toEqual([
        expect.objectContaining({ path: MIGRATION, start_line: 4, annotation_level: 'failure', title: 'high: database/drop-table' }),
      ]);
      expect(first.outputs).toMatchObject({ risk: 'high', 'required-approvals': '1', satisfied: 'false' });
      expect(JSON.parse(first.outputs.findings ?? '[]')).toEqual([
        expect.objectContaining({ rule: 'database/drop-table', path: MIGRATION, line: 4 }),
      ]);
      expect(first.summary).toContain('Drop the sessions table');
      const firstCalls = s.requests.length;
      measured.set('risk (opened, no review yet)', firstCalls);

      addReview(pull, 'bob', 'APPROVED');
      const second = await onReview(pull);
      expect(second.code).toBe(0);
      expect(statuses()).toEqual([
        `failure: needs 1 more approval: database/drop-table in ${MIGRATION}`,
        'success: Risk high: signed off by @bob',
      ]);
      expect(pull.comments).toHaveLength(1);
      expect(comments(pull)[0]).toContain('Given: @bob');
      expect(second.outputs).toMatchObject({ satisfied: 'true' });
      // The label is already there: no label calls on the second run.
      expect(
        calls(s)
          .slice(firstCalls)
          .filter((c) => c.includes('labels')),
      ).toEqual([]);
      measured.set('then an approval (review submitted)', s.requests.length - firstCalls);

      // Nothing changed: a third evaluation does not rewrite the comment.
      const before = s.requests.length;
      await onReview(pull, 'edited');
      expect(
        calls(s)
          .slice(before)
          .filter((c) => c.startsWith('PATCH /repos/acme/shop/issues/comments')),
      ).toEqual([]);
      expect(pull.comments).toHaveLength(1);
    });

    it('self-approval does not count', async () => {
      const pull = riskyPull();
      s.permissions.alice = 'admin';
      addReview(pull, 'alice', 'APPROVED');
      const run = await onReview(pull);
      expect(run.code).toBe(0);
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
      expect(comments(pull)[0]).toContain('Not counted: @alice (the author of the pull request)');
      measured.set('self-approval', s.requests.length);
    });

    it('a co-author’s approval does not count', async () => {
      const pull = riskyPull();
      pull.commits = [
        {
          oid: sha('head-7'),
          message: 'Drop the sessions table\n\nCo-authored-by: Bob Builder <4242+bob@users.noreply.github.com>',
          author: { name: 'Alice Liddell', email: 'alice@example.com', login: 'alice' },
        },
      ];
      addReview(pull, 'bob', 'APPROVED');
      await onReview(pull);
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
      expect(comments(pull)[0]).toContain('Not counted: @bob (wrote or co-wrote commits in this pull request)');
      // Bob is disqualified before any permission lookup.
      expect(calls(s).some((c) => c.includes('/collaborators/'))).toBe(false);
      measured.set('co-author approval', s.requests.length);
    });

    it('an approval goes stale when a risky file changes after it, not when another file does', async () => {
      const old = sha('approved-7');
      const pull = riskyPull();
      addReview(pull, 'bob', 'APPROVED', { commit_id: old });
      s.compare.set(`${old}...${sha('head-7')}`, { status: 'ahead', files: [MIGRATION] });
      await onPull(pull, 'synchronize');
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
      expect(comments(pull)[0]).toMatch(
        /Not counted: @bob \(approved [0-9a-f]{7}; db\/migrate\/20260301120000\\_drop\\_sessions.sql changed since/,
      );
      expect(calls(s).filter((c) => c.includes('/compare/'))).toEqual([`GET /repos/acme/shop/compare/${old}...${sha('head-7')}`]);
      measured.set('stale approval after a risky push', s.requests.length);

      s.compare.set(`${old}...${sha('head-7')}`, { status: 'ahead', files: ['app/models/user.rb'] });
      await onPull(pull, 'synchronize');
      expect(statuses().at(-1)).toBe('success: Risk high: signed off by @bob');
    });

    it('changes requested blocks even with enough approvals', async () => {
      const pull = riskyPull();
      addReview(pull, 'bob', 'APPROVED');
      addReview(pull, 'carol', 'CHANGES_REQUESTED');
      await onReview(pull);
      expect(statuses()).toEqual([`failure: changes requested by @carol: database/drop-table in ${MIGRATION}`]);
      expect(comments(pull)[0]).toContain('Changes requested: @carol');
      measured.set('changes requested', s.requests.length);
    });

    it('a team requirement counts only team members, and a token that cannot read teams is an error that says so', async () => {
      s.configs.set('main', `${CONFIG}approvals:\n  high: { count: 1, from: ["@acme/dba"] }\n`);
      s.teams['acme/dba'] = ['dan'];
      const pull = riskyPull();
      addReview(pull, 'bob', 'APPROVED');
      await onReview(pull);
      expect(statuses()).toEqual([`failure: needs 1 more approval from @acme/dba: database/drop-table in ${MIGRATION}`]);
      const teamFirst = calls(s).length;
      addReview(pull, 'dan', 'APPROVED');
      await onReview(pull);
      expect(statuses().at(-1)).toBe('success: Risk high: signed off by @dan');
      expect(pull.comments).toHaveLength(1);
      measured.set('team requirement (second run)', calls(s).length - teamFirst);

      s.forbiddenTeams.add('acme/dba');
      const denied = await onReview(pull);
      expect(denied.code).toBe(1);
      expect(s.statuses.at(-1)?.state).toBe('error');
      expect(denied.stdout).toContain('read:org');
    });

    it('3,000+ files: what GitHub cannot list is a high finding, never a silent pass', async () => {
      const files = Array.from({ length: 3000 }, (_, i) => ({
        path: `assets/icons/icon-${String(i).padStart(4, '0')}.svg`,
        before: '<svg/>',
        after: '<svg></svg>',
      }));
      const pull = addPull(s, { number: 11, files, changedFiles: 3012 });
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(0);
      expect(statuses()).toEqual(['failure: needs 1 more approval: guard/too-large-to-verify']);
      expect(comments(pull)[0]).toContain('the pull request changes 3012 files and GitHub lists only the first 3000');
      expect(calls(s).filter((c) => c.endsWith('/pulls/11/files'))).toHaveLength(30);
      measured.set('3,000+ files', s.requests.length);
    });

    it('403 on the comment: the gate is still set, the job fails naming the permission', async () => {
      const pull = riskyPull();
      s.faults.push({
        method: 'POST',
        path: /\/issues\/7\/comments$/,
        status: 403,
        body: { message: 'Resource not accessible by integration' },
        times: 99,
      });
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('The token needs `pull-requests: write`');
      expect(pull.comments).toEqual([]);
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
      expect(s.statuses[0]?.target_url).toBe('https://github.test/acme/shop/actions/runs/4242');
      measured.set('403 on comment', s.requests.length);
    });

    it('a 500 is retried and then succeeds', async () => {
      const pull = riskyPull();
      s.faults.push({ method: 'GET', path: /\/pulls\/7\/files$/, status: 500, times: 1 });
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(0);
      expect(calls(s).filter((c) => c.endsWith('/pulls/7/files'))).toHaveLength(2);
      expect(statuses()).toHaveLength(1);
      expect(pull.comments).toHaveLength(1);
      measured.set('a 500 then success', s.requests.length);
    });

    it('a secondary rate limit with retry-after is waited out and retried', async () => {
      const pull = riskyPull();
      s.faults.push({
        method: 'POST',
        path: /\/statuses\//,
        status: 403,
        headers: { 'retry-after': '1' },
        body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
        times: 1,
      });
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(0);
      expect(calls(s).filter((c) => c.includes('/statuses/'))).toHaveLength(2);
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
      measured.set('secondary rate limit', s.requests.length);
    });

    it('schedule: every open PR is re-evaluated and gets its own status', async () => {
      addPull(s, { number: 21, files: [{ path: 'README.md', before: README_BEFORE, after: README_AFTER }] });
      const risky = riskyPull(22);
      const approved = riskyPull(23);
      addReview(approved, 'bob', 'APPROVED');
      const run = await act({ event: 'schedule', payload: { schedule: '*/30 * * * *' } });
      expect(run.code).toBe(0);
      expect(s.statuses.map((x) => [x.sha, x.state])).toEqual([
        [sha('head-21'), 'success'],
        [sha('head-22'), 'failure'],
        [sha('head-23'), 'success'],
      ]);
      expect(risky.comments).toHaveLength(1);
      expect(run.summary).toContain('Evaluated 3 open pull requests.');
      expect(run.outputs).toMatchObject({ risk: 'high', satisfied: 'false' });
      measured.set('schedule over 3 open PRs', s.requests.length);
    });

    it('merge_group: the PR is judged again and the status goes on the merge group head', async () => {
      const pull = riskyPull(104);
      addReview(pull, 'bob', 'APPROVED');
      const payload = examplePayload('merge_group', 'checks_requested');
      const groupHead = sha('merge-group-104');
      (payload.merge_group as Record<string, unknown>).head_sha = groupHead;
      (payload.merge_group as Record<string, unknown>).head_ref = `refs/heads/gh-readonly-queue/main/pr-104-${sha('base-104')}`;
      payload.repository = { ...(payload.repository as object), full_name: 'acme/shop', name: 'shop' };
      const run = await act({ event: 'merge_group', payload });
      expect(run.code).toBe(0);
      expect(s.statuses.map((x) => [x.sha, x.state])).toEqual([[groupHead, 'success']]);
      expect(calls(s)[0]).toBe('GET /repos/acme/shop/pulls/104');
      measured.set('merge_group', s.requests.length);
    });

    for (const labelExists of [false, true]) {
      const limit = labelExists ? 11 : 12;
      it(`budget: a 100-file PR with one approval, 30 files needing full texts, in at most ${limit} calls (${labelExists ? 'risk:high exists' : 'fresh repository'})`, async () => {
        if (labelExists) s.repoLabels.set('risk:high', { color: 'd93f0b', description: 'Two-Key: high-risk changes, sign-off required' });
        const files = [
          { path: MIGRATION, after: DROP_SESSIONS },
          ...Array.from({ length: 29 }, (_, i) => ({
            path: `db/migrate/2026030${i % 9}1200${String(i).padStart(2, '0')}_feature_${i}.sql`,
            after: createTableMigration(i),
          })),
          ...Array.from({ length: 70 }, (_, i) => ({
            path: `app/views/page_${i}.html.erb`,
            before: `<h1>Page ${i}</h1>\n`,
            after: `<h1>Page ${i}</h1>\n<p>Updated</p>\n`,
          })),
        ];
        const pull = addPull(s, { number: 100, files });
        addReview(pull, 'bob', 'APPROVED');
        const run = await onReview(pull);
        expect(run.code).toBe(0);
        expect(statuses()).toEqual(['success: Risk high: signed off by @bob']);
        const graph = s.requests.filter((r) => r.path === '/graphql');
        expect(graph).toHaveLength(1);
        expect(Object.keys((graph[0]?.body as { variables: object }).variables).filter((k) => /^e\d+$/.test(k))).toHaveLength(30);
        expect(s.requests.length).toBeLessThanOrEqual(limit);
        measured.set(`100 files, 1 approval, 30 full texts (${labelExists ? 'label exists' : 'fresh repository'})`, s.requests.length);
      });
    }

    it('a racing run that commented meanwhile: the comments are re-read before creating, so still one comment', async () => {
      const pull = riskyPull();
      let lists = 0;
      s.afterRequest = (req, state) => {
        if (req.method !== 'GET' || !req.path.endsWith('/issues/7/comments') || ++lists !== 1) return;
        // Another run of Two-Key posts its comment right after our first read.
        state.pulls.get(7)?.comments.push({
          id: 1,
          body: '<!-- two-key:sticky-comment context=two-key -->\nolder',
          user: { login: 'github-actions[bot]', type: 'Bot' },
          html_url: 'https://github.test/acme/shop/pull/7#issuecomment-1',
        });
      };
      await onPull(pull, 'opened');
      expect(pull.comments).toHaveLength(1);
      expect(comments(pull)[0]).toContain('database/drop-table');
      expect(calls(s).filter((c) => c.includes('comments'))).toEqual([
        'GET /repos/acme/shop/issues/7/comments',
        'GET /repos/acme/shop/issues/7/comments',
        'PATCH /repos/acme/shop/issues/comments/1',
      ]);
    });

    it('finds its comment by marker and its own login (every page), never a person’s comment quoting the marker', async () => {
      const pull = riskyPull();
      s.viewer = 'two-key-bot';
      s.commenter = { login: 'two-key-bot', type: 'User' };
      const marker = '<!-- two-key:sticky-comment context=two-key -->';
      for (let i = 0; i < 120; i++)
        pull.comments.push({
          id: 100 + i,
          body: `LGTM ${i}`,
          user: { login: 'carol', type: 'User' },
          html_url: `https://github.test/c/${i}`,
        });
      pull.comments.push({
        id: 500,
        body: `${marker}\nquoted by a person`,
        user: { login: 'mallory', type: 'User' },
        html_url: 'https://github.test/c/500',
      });
      pull.comments.push({
        id: 501,
        body: `${marker}\nold report`,
        user: { login: 'two-key-bot', type: 'User' },
        html_url: 'https://github.test/c/501',
      });
      const run = await act({
        event: 'pull_request_target',
        payload: pullPayload(s, pull, 'pull_request', 'opened'),
        token: 'ghp_personalAccessToken',
      });
      expect(run.code).toBe(0);
      expect(calls(s)).toContain('GET /user');
      expect(pull.comments.find((c) => c.id === 500)?.body).toBe(`${marker}\nquoted by a person`);
      expect(pull.comments.find((c) => c.id === 501)?.body).toContain('database/drop-table');
      expect(pull.comments).toHaveLength(122);
    });

    it('3,000+ files with a local clone in the workspace: read from git, no too-large finding', async () => {
      const repo = gitRepo(
        { 'README.md': '# Shop\n' },
        Object.fromEntries([
          [MIGRATION, DROP_SESSIONS],
          ...Array.from({ length: 3004 }, (_, i) => [`assets/icons/icon-${i}.svg`, '<svg/>\n']),
        ]),
      );
      try {
        const files = Array.from({ length: 3000 }, (_, i) => ({ path: `assets/icons/icon-${i}.svg`, after: '<svg/>\n' }));
        const pull = addPull(s, { number: 12, files, changedFiles: 3005, head: repo.head, base: repo.base });
        const run = await act({
          event: 'pull_request_target',
          payload: pullPayload(s, pull, 'pull_request', 'opened'),
          workspace: repo.dir,
        });
        expect(run.code).toBe(0);
        // The migration beyond the API's 3,000 files was read from the clone.
        expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
        expect(comments(pull)[0]).not.toContain('too-large-to-verify');
      } finally {
        repo.cleanup();
      }
    });

    it('sarif-file: writes SARIF 2.1.0 for code scanning', async () => {
      const pull = riskyPull();
      const dir = mkdtempSync(join(tmpdir(), 'two-key-sarif-'));
      try {
        const file = join(dir, 'two-key.sarif');
        const run = await act({
          event: 'pull_request_target',
          payload: pullPayload(s, pull, 'pull_request', 'opened'),
          inputs: { 'sarif-file': file },
        });
        expect(run.outputs['sarif-file']).toBe(file);
        const log = JSON.parse(readFileSync(file, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
        expect(log.version).toBe('2.1.0');
        expect(log.runs[0]?.results.map((r) => r.ruleId)).toEqual(['database/drop-table']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('more than 100 files to read and 100 commits: GraphQL is paged and chunked, each blob read once', async () => {
      const files = Array.from({ length: 150 }, (_, i) => ({
        path: `db/migrate/20260306${String(i).padStart(6, '0')}_feature.sql`,
        after: createTableMigration(i),
      }));
      files.push({ path: MIGRATION, after: DROP_SESSIONS });
      const pull = addPull(s, { number: 41, files });
      pull.commits = Array.from({ length: 130 }, (_, i) => ({
        oid: sha(`c${i}`),
        message: `step ${i}`,
        author: { name: 'Alice Liddell', email: 'alice@example.com', login: 'alice' },
      }));
      pull.commits.push({
        oid: sha('c-last'),
        message: 'last\n\nCo-authored-by: Bob <bob@users.noreply.github.com>',
        author: { name: 'Alice Liddell', email: 'alice@example.com', login: 'alice' },
      });
      addReview(pull, 'bob', 'APPROVED');
      await onReview(pull);
      const graph = s.requests
        .filter((r) => r.path === '/graphql')
        .map((r) => (r.body as { variables: Record<string, unknown> }).variables);
      expect(graph).toHaveLength(2);
      const expressions = graph.flatMap((v) =>
        Object.entries(v)
          .filter(([k]) => /^e\d+$/.test(k))
          .map(([, e]) => e),
      );
      expect(expressions).toHaveLength(151);
      expect(new Set(expressions).size).toBe(151);
      expect(graph[1]?.after).toBe('100');
      // Bob co-wrote the last commit, on the second page of commits: his approval does not count.
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
    });

    it('many findings: annotations go to the check run 50 per request', async () => {
      const drops = Array.from({ length: 60 }, (_, i) => `DROP TABLE legacy_report_${i};`).join('\n');
      const pull = addPull(s, {
        number: 31,
        files: [
          {
            path: 'db/migrate/20260305000000_drop_legacy_reports.sql',
            after: `-- Legacy reports were replaced by the warehouse.\n${drops}\n`,
          },
        ],
      });
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(0);
      expect(s.checkRuns).toHaveLength(1);
      expect(s.checkRuns[0]?.annotations).toHaveLength(60);
      const checkCalls = calls(s).filter((c) => c.includes('/check-runs'));
      expect(checkCalls).toEqual(['POST /repos/acme/shop/check-runs', `PATCH /repos/acme/shop/check-runs/${s.checkRuns[0]?.id}`]);
      const bodies = s.requests
        .filter((r) => r.path.includes('/check-runs'))
        .map((r) => ((r.body as { output: { annotations: unknown[] } }).output.annotations ?? []).length);
      expect(bodies).toEqual([50, 10]);
    });

    it('without checks: write, findings become workflow annotations and a warning names the permission; the job still succeeds', async () => {
      const pull = riskyPull();
      s.faults.push({
        method: 'POST',
        path: /\/check-runs$/,
        status: 403,
        body: { message: 'Resource not accessible by integration' },
        times: 99,
      });
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`::error title=high%3A database/drop-table,file=${MIGRATION},line=4::`);
      expect(run.stdout).toMatch(
        /::warning::#7: Two-Key could not create the check run with annotations: GitHub answered 403 .*The token needs `checks: write`.* The findings were written as workflow annotations instead\./,
      );
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
      expect(pull.comments).toHaveLength(1);
    });

    it('GitHub Enterprise Server: REST under /api/v3 and GraphQL at /api/graphql, from GITHUB_API_URL', async () => {
      const pull = riskyPull();
      const run = await act({ event: 'pull_request_target', payload: pullPayload(s, pull, 'pull_request', 'opened'), apiPath: '/api/v3' });
      expect(run.code).toBe(0);
      expect(s.enterpriseRequests).toBe(s.requests.length);
      expect(statuses()).toEqual([`failure: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
    });

    it('an invalid config on the base branch: status error and a failed job naming the key', async () => {
      s.configs.set('main', 'approvals:\n  high: { count: "two" }\n');
      const pull = riskyPull();
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(1);
      expect(s.statuses.map((x) => x.state)).toEqual(['error']);
      expect(s.statuses[0]?.description).toContain('approvals.high.count');
      expect(run.stdout).toContain('approvals.high.count');
    });

    it('report mode: always success, the comment says what would be required', async () => {
      s.configs.set('main', `${CONFIG}mode: report\n`);
      const pull = riskyPull();
      const run = await onPull(pull, 'opened');
      expect(run.code).toBe(0);
      expect(statuses()).toEqual([`success: Report mode, not enforced: needs 1 more approval: database/drop-table in ${MIGRATION}`]);
      expect(comments(pull)[0]).toContain('Report mode, not enforced');
      expect(comments(pull)[0]).toContain('Mode: report');
    });

    it('a fork PR on pull_request with a read-only token: annotations, a notice, and a failed job', async () => {
      const pull = addPull(s, { number: 9, headRepo: 'mallory/shop', files: [{ path: MIGRATION, after: DROP_SESSIONS }] });
      for (const [method, path] of [
        ['POST', /\/statuses\//],
        ['POST', /\/comments$/],
        ['POST', /\/check-runs$/],
        ['POST', /\/labels$/],
      ] as const) {
        s.faults.push({ method, path, status: 403, body: { message: 'Resource not accessible by integration' }, times: 99 });
      }
      const run = await act({ event: 'pull_request', payload: pullPayload(s, pull, 'pull_request', 'opened') });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`::error title=high%3A database/drop-table,file=${MIGRATION},line=4::DROP TABLE sessions`);
      expect(run.stdout).toContain('pull_request_target');
      expect(s.statuses).toEqual([]);
    });

    it('a PR that becomes clean gets its comment updated, never deleted', async () => {
      const pull = riskyPull();
      await onPull(pull, 'opened');
      pull.data.changed_files = 1;
      pull.files = [
        {
          filename: 'app/models/user.rb',
          status: 'modified',
          patch: '@@ -1,1 +1,1 @@\n-class User < ApplicationRecord\n+class User < ApplicationRecord # reviewed',
        },
      ];
      s.blobs.set(`${sha('head-7')}:app/models/user.rb`, 'class User < ApplicationRecord # reviewed\n');
      await onPull(pull, 'synchronize');
      expect(pull.comments).toHaveLength(1);
      expect(comments(pull)[0]).toContain('no longer contains risky changes');
      expect(statuses().at(-1)).toBe('success: No risky changes found');
      expect(pull.labels).toEqual([]);
    });

    it('any other event: a notice and no failure, no API call', async () => {
      const run = await act({ event: 'push', payload: examplePayload('push') });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('::notice::');
      expect(s.requests).toEqual([]);
    });
  });
}
