import { describe, expect, it } from 'vitest';
import { clip, statusFor } from '../../src/github/commit-status.js';
import { describeFailure, OPS } from '../../src/github/errors.js';
import { labelChanges } from '../../src/github/labels.js';
import { pullNumberFromQueueRef } from '../../src/github/merge-queue.js';
import { pullFacts } from '../../src/github/pull.js';
import { dropTable, freeze, lowFinding, verdict } from '../report/verdicts.js';

describe('statusFor: the gate and its one-line reason', () => {
  const cases: { name: string; v: ReturnType<typeof verdict>; state: string; description: string }[] = [
    { name: 'clean', v: verdict([]), state: 'success', description: 'No risky changes found' },
    {
      name: 'informational only',
      v: verdict([lowFinding(1)]),
      state: 'success',
      description: 'Risk low: nothing blocks (informational findings)',
    },
    {
      name: 'missing approval',
      v: verdict([dropTable]),
      state: 'failure',
      description: 'needs 1 more approval: database/drop-table in db/migrate/20260301120000_drop_sessions.sql',
    },
    { name: 'PR-wide finding', v: verdict([freeze]), state: 'failure', description: 'needs 1 more approval: timing/freeze-window' },
    {
      name: 'signed off',
      v: verdict([dropTable], { approvers: [{ login: 'bob' }] }),
      state: 'success',
      description: 'Risk high: signed off by @bob',
    },
    {
      name: 'changes requested',
      v: verdict([dropTable], { approvers: [{ login: 'bob' }], changesRequested: ['carol'] }),
      state: 'failure',
      description: 'changes requested by @carol: database/drop-table in db/migrate/20260301120000_drop_sessions.sql',
    },
    {
      name: 'report mode never fails',
      v: verdict([dropTable], {}, 'report'),
      state: 'success',
      description: 'Report mode, not enforced: needs 1 more approval: database/drop-table in db/migrate/20260301120000_drop_sessions.sql',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(statusFor(c.v)).toEqual({ state: c.state, description: c.description }));
  }

  it('stays within 140 characters', () => {
    const long = { ...dropTable, path: `db/migrate/${'very_long_directory_name/'.repeat(10)}drop.sql` };
    const { description } = statusFor(verdict([long]));
    expect(description).toHaveLength(140);
    expect(description.endsWith('…')).toBe(true);
    expect(clip('short')).toBe('short');
  });
});

describe('describeFailure: a 403 names the permission to grant', () => {
  it('names the permission for a refused write', () => {
    const error = Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    expect(describeFailure(OPS.status, error)).toBe(
      'Two-Key could not write the commit status: GitHub answered 403 (Resource not accessible by integration). The token needs `statuses: write`; grant it under `permissions:` in the workflow.',
    );
  });
  it('explains that a team 404 may be a missing read:org', () => {
    expect(describeFailure(OPS.teamMembers, Object.assign(new Error('Not Found'), { status: 404 }))).toContain(
      'does not exist or the token cannot see it',
    );
  });
  it('passes other failures through', () => {
    expect(describeFailure(OPS.listFiles, Object.assign(new Error('Bad Gateway'), { status: 502 }))).toBe(
      'Two-Key could not list the pull request files: GitHub answered 502: Bad Gateway',
    );
  });
});

describe('labelChanges', () => {
  it('adds the risk label and removes stale ones, leaving other labels alone', () => {
    expect(labelChanges(['bug', 'risk:low'], 'high')).toEqual({ add: ['risk:high'], remove: ['risk:low'] });
    expect(labelChanges(['risk:high'], 'high')).toEqual({ add: [], remove: [] });
    expect(labelChanges(['risk:critical', 'bug'], 'none')).toEqual({ add: [], remove: ['risk:critical'] });
  });
});

describe('pullNumberFromQueueRef', () => {
  it('reads the PR number of a merge group branch', () => {
    expect(pullNumberFromQueueRef('refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64')).toBe(104);
    expect(pullNumberFromQueueRef('refs/heads/gh-readonly-queue/release/v2/pr-7-abc123')).toBe(7);
    expect(pullNumberFromQueueRef('refs/heads/main')).toBeNull();
  });
});

describe('pullFacts', () => {
  it('reads what Two-Key needs from a pull request object', () => {
    const facts = pullFacts({
      number: 7,
      title: 'Drop sessions',
      html_url: 'https://github.com/acme/shop/pull/7',
      user: { login: 'alice', type: 'User' },
      head: { sha: 'a'.repeat(40), repo: { full_name: 'fork/shop' } },
      base: { sha: 'b'.repeat(40), ref: 'main' },
      labels: [{ name: 'risk:high' }, { name: 'bug' }],
      changed_files: 2,
    });
    expect(facts).toEqual({
      number: 7,
      title: 'Drop sessions',
      author: 'alice',
      authorIsBot: false,
      headSha: 'a'.repeat(40),
      headRepo: 'fork/shop',
      baseSha: 'b'.repeat(40),
      baseRef: 'main',
      labels: ['risk:high', 'bug'],
      changedFiles: 2,
      htmlUrl: 'https://github.com/acme/shop/pull/7',
    });
  });
  it('refuses data without a head commit', () => {
    expect(() => pullFacts({ number: 1, base: { sha: 'b' } })).toThrow(/head\.sha/);
  });
});
