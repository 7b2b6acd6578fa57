import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import type { Finding } from '../../src/core/types.js';
import {
  coAuthors,
  commitsToCompare,
  evaluateApprovals,
  latestReviews,
  loginFromNoreply,
  reviewersToVerify,
  teamsIn,
  type ApprovalFacts,
  type CommitFacts,
  type Review,
} from '../../src/policy/approvals.js';
import { decide } from '../../src/policy/decide.js';

const HEAD = 'c0ffee0000000000000000000000000000000003';
const OLD = 'c0ffee0000000000000000000000000000000001';

let nextId = 1;
function review(login: string, state: Review['state'], extra: Partial<Review> = {}): Review {
  return {
    id: nextId++,
    login,
    bot: false,
    state,
    submittedAt: `2026-03-0${Math.min(9, nextId % 9) + 1}T10:00:00Z`,
    commitId: HEAD,
    ...extra,
  };
}

const commit = (extra: Partial<CommitFacts> = {}): CommitFacts => ({
  sha: 'a1',
  authorLogin: 'alice',
  authorName: 'Alice Liddell',
  authorEmail: 'alice@example.com',
  message: 'Drop the legacy sessions table',
  ...extra,
});

function facts(extra: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return {
    author: 'alice',
    headSha: HEAD,
    commits: [commit()],
    reviews: [],
    permissions: { bob: 'write', carol: 'admin', dave: 'read', erin: 'maintain' },
    teams: {},
    stale: 'risky-files',
    riskyPaths: ['db/migrate/20260301_drop_sessions.sql'],
    changedSince: {},
    ...extra,
  };
}

const dropTable: Finding = {
  rule: 'database/drop-table',
  category: 'database',
  severity: 'high',
  path: 'db/migrate/20260301_drop_sessions.sql',
  line: 3,
  message: 'DROP TABLE sessions',
  why: 'w',
  fix: 'f',
};

describe('evaluateApprovals: who counts', () => {
  const cases: { name: string; facts: Partial<ApprovalFacts>; approvers: string[]; ignored?: string[] }[] = [
    { name: 'a reviewer with write access counts', facts: { reviews: [review('bob', 'APPROVED')] }, approvers: ['bob'] },
    {
      name: 'admin and maintain count as write',
      facts: { reviews: [review('carol', 'APPROVED'), review('erin', 'APPROVED')] },
      approvers: ['carol', 'erin'],
    },
    {
      name: 'the PR author cannot approve their own change',
      facts: { reviews: [review('alice', 'APPROVED')], permissions: { alice: 'admin' } },
      approvers: [],
      ignored: ['alice'],
    },
    {
      name: 'the author check ignores case',
      facts: { reviews: [review('ALICE', 'APPROVED')], permissions: { alice: 'admin' } },
      approvers: [],
      ignored: ['ALICE'],
    },
    {
      name: 'a commit author in the PR cannot approve',
      facts: { commits: [commit(), commit({ sha: 'a2', authorLogin: 'bob' })], reviews: [review('bob', 'APPROVED')] },
      approvers: [],
      ignored: ['bob'],
    },
    {
      name: 'a co-author by noreply email cannot approve',
      facts: {
        commits: [commit({ message: 'Drop sessions\n\nCo-authored-by: Bob B <1234+bob@users.noreply.github.com>' })],
        reviews: [review('bob', 'APPROVED')],
      },
      approvers: [],
      ignored: ['bob'],
    },
    {
      name: 'a co-author resolved by GitHub (GraphQL authors) cannot approve',
      facts: {
        commits: [commit({ message: 'x\n\nCo-authored-by: Robert <robert@corp.example>', resolvedLogins: ['alice', 'bob'] })],
        reviews: [review('bob', 'APPROVED')],
      },
      approvers: [],
      ignored: ['bob'],
    },
    {
      name: 'a co-author whose email is used by a commit author in the PR cannot approve',
      facts: {
        commits: [
          commit({ message: 'x\n\nCo-authored-by: Robert <rob@corp.example>' }),
          commit({ sha: 'a3', authorLogin: 'bob', authorEmail: 'ROB@corp.example' }),
        ],
        reviews: [review('bob', 'APPROVED')],
      },
      approvers: [],
      ignored: ['bob'],
    },
    {
      name: 'a co-author named by login cannot approve',
      facts: { commits: [commit({ message: 'x\n\nco-authored-by: bob <bob@corp.example>' })], reviews: [review('bob', 'APPROVED')] },
      approvers: [],
      ignored: ['bob'],
    },
    {
      name: 'a bot cannot approve',
      facts: { reviews: [review('renovate[bot]', 'APPROVED', { bot: true })], permissions: { 'renovate[bot]': 'write' } },
      approvers: [],
      ignored: ['renovate[bot]'],
    },
    { name: 'read access is not enough', facts: { reviews: [review('dave', 'APPROVED')] }, approvers: [], ignored: ['dave'] },
    {
      name: 'unknown permission does not count (fail closed)',
      facts: { reviews: [review('frank', 'APPROVED')] },
      approvers: [],
      ignored: ['frank'],
    },
    {
      name: 'a later comment does not cancel an approval',
      facts: {
        reviews: [
          review('bob', 'APPROVED', { submittedAt: '2026-03-01T10:00:00Z' }),
          review('bob', 'COMMENTED', { submittedAt: '2026-03-02T10:00:00Z' }),
        ],
      },
      approvers: ['bob'],
    },
    {
      name: 'a dismissed approval does not count',
      facts: {
        reviews: [
          review('bob', 'APPROVED', { submittedAt: '2026-03-01T10:00:00Z' }),
          review('bob', 'DISMISSED', { submittedAt: '2026-03-02T10:00:00Z' }),
        ],
      },
      approvers: [],
    },
    { name: 'a pending review does not count', facts: { reviews: [review('bob', 'PENDING', { submittedAt: null })] }, approvers: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const state = evaluateApprovals(facts(c.facts));
      expect(state.approvers.map((a) => a.login)).toEqual(c.approvers);
      expect(state.ignored.map((i) => i.login)).toEqual(c.ignored ?? []);
    });
  }

  it('explains each ignored review', () => {
    const state = evaluateApprovals(
      facts({ reviews: [review('alice', 'APPROVED'), review('dave', 'APPROVED'), review('ci[bot]', 'APPROVED', { bot: true })] }),
    );
    expect(state.ignored).toEqual([
      { login: 'alice', reason: 'the author of the pull request' },
      { login: 'dave', reason: 'has read access, write is needed' },
      { login: 'ci[bot]', reason: 'a bot cannot sign off' },
    ]);
  });
});

describe('evaluateApprovals: changes requested', () => {
  it('blocks until the same reviewer approves', () => {
    const requested = review('carol', 'CHANGES_REQUESTED', { submittedAt: '2026-03-01T10:00:00Z' });
    expect(evaluateApprovals(facts({ reviews: [review('bob', 'APPROVED'), requested] })).changesRequested).toEqual(['carol']);
    const later = review('carol', 'APPROVED', { submittedAt: '2026-03-03T10:00:00Z' });
    const state = evaluateApprovals(facts({ reviews: [requested, later] }));
    expect(state.changesRequested).toEqual([]);
    expect(state.approvers.map((a) => a.login)).toEqual(['carol']);
  });

  it('stops blocking when dismissed', () => {
    const state = evaluateApprovals(
      facts({
        reviews: [
          review('carol', 'CHANGES_REQUESTED', { submittedAt: '2026-03-01T10:00:00Z' }),
          review('carol', 'DISMISSED', { submittedAt: '2026-03-02T10:00:00Z' }),
        ],
      }),
    );
    expect(state.changesRequested).toEqual([]);
  });

  it('blocks even when given on an older commit', () => {
    const state = evaluateApprovals(
      facts({ reviews: [review('carol', 'CHANGES_REQUESTED', { commitId: OLD })], changedSince: { [OLD]: [] } }),
    );
    expect(state.changesRequested).toEqual(['carol']);
  });

  it('from someone without write access does not block', () => {
    expect(evaluateApprovals(facts({ reviews: [review('dave', 'CHANGES_REQUESTED')] })).changesRequested).toEqual([]);
  });

  it('makes decide() unsatisfied although the count is met', () => {
    const state = evaluateApprovals(facts({ reviews: [review('bob', 'APPROVED'), review('carol', 'CHANGES_REQUESTED')] }));
    const verdict = decide([dropTable], DEFAULT_CONFIG, state);
    expect(verdict.approvals.missing).toBe(0);
    expect(verdict.satisfied).toBe(false);
    expect(verdict.approvals.changesRequested).toEqual(['carol']);
  });
});

describe('evaluateApprovals: stale approvals', () => {
  const old = (): Review => review('bob', 'APPROVED', { commitId: OLD });
  const cases: { stale: ApprovalFacts['stale']; changed: string[] | null | undefined; riskyPaths?: (string | null)[]; counts: boolean }[] =
    [
      { stale: 'risky-files', changed: ['README.md', 'app/models/user.rb'], counts: true },
      { stale: 'risky-files', changed: [], counts: true },
      { stale: 'risky-files', changed: ['db/migrate/20260301_drop_sessions.sql'], counts: false },
      { stale: 'risky-files', changed: null, counts: false },
      { stale: 'risky-files', changed: undefined, counts: false },
      { stale: 'risky-files', changed: ['app/models/user.rb'], riskyPaths: [null], counts: false },
      { stale: 'any-push', changed: [], counts: false },
      { stale: 'never', changed: ['db/migrate/20260301_drop_sessions.sql'], counts: true },
    ];
  for (const c of cases) {
    it(`stale: ${c.stale}, changed since: ${JSON.stringify(c.changed)}${c.riskyPaths ? ' with a PR-wide finding' : ''} -> ${c.counts ? 'counts' : 'stale'}`, () => {
      const changedSince: Record<string, string[] | null> = c.changed === undefined ? {} : { [OLD]: c.changed };
      const state = evaluateApprovals(
        facts({ stale: c.stale, reviews: [old()], changedSince, ...(c.riskyPaths ? { riskyPaths: c.riskyPaths } : {}) }),
      );
      expect(state.approvers.length).toBe(c.counts ? 1 : 0);
      if (!c.counts) expect(state.ignored[0]?.reason).toMatch(/approved c0ffee0/);
    });
  }

  it('an approval on the head commit is never stale', () => {
    expect(evaluateApprovals(facts({ stale: 'any-push', reviews: [review('bob', 'APPROVED')] })).approvers).toHaveLength(1);
  });

  it('asks the compare API once per distinct approved older commit, and only for risky-files', () => {
    const reviews = [
      review('bob', 'APPROVED', { commitId: OLD }),
      review('carol', 'APPROVED', { commitId: OLD }),
      review('erin', 'APPROVED'),
    ];
    expect(commitsToCompare({ headSha: HEAD, stale: 'risky-files' }, reviews)).toEqual([OLD]);
    expect(commitsToCompare({ headSha: HEAD, stale: 'any-push' }, reviews)).toEqual([]);
  });
});

describe('evaluateApprovals: teams', () => {
  const config = { ...DEFAULT_CONFIG, approvals: { ...DEFAULT_CONFIG.approvals, high: { count: 1, from: ['@acme/dba'] } } };
  it('an approval from a team member satisfies a team requirement', () => {
    const state = evaluateApprovals(facts({ reviews: [review('bob', 'APPROVED')], teams: { 'acme/dba': ['bob'] } }));
    expect(state.approvers[0]?.teams).toEqual(['acme/dba']);
    expect(decide([dropTable], config, state).satisfied).toBe(true);
  });
  it('an approval from outside the team does not', () => {
    const state = evaluateApprovals(facts({ reviews: [review('carol', 'APPROVED')], teams: { 'acme/dba': ['bob'] } }));
    const verdict = decide([dropTable], config, state);
    expect(verdict.satisfied).toBe(false);
    expect(verdict.approvals.missing).toBe(1);
  });
  it('teamsIn lists the team slugs a policy names', () => {
    expect(teamsIn(['@Acme/DBA', 'bob', 'acme/sre', '@acme/dba'])).toEqual(['acme/dba', 'acme/sre']);
  });
});

describe('evaluateApprovals: timing sign-offs', () => {
  it('keeps each counted review’s timestamp and commit for timing rules', () => {
    const state = evaluateApprovals(facts({ reviews: [review('bob', 'APPROVED', { submittedAt: '2026-03-06T17:45:00Z' })] }));
    expect(state.approvers).toEqual([{ login: 'bob', teams: [], submittedAt: '2026-03-06T17:45:00Z', commit: HEAD }]);
  });
  it('keeps the latest approval when a reviewer approved twice', () => {
    const state = evaluateApprovals(
      facts({
        reviews: [
          review('bob', 'APPROVED', { submittedAt: '2026-03-06T18:00:00Z', commitId: HEAD }),
          review('bob', 'APPROVED', { submittedAt: '2026-03-02T09:00:00Z', commitId: OLD }),
        ],
      }),
    );
    expect(state.approvers[0]?.submittedAt).toBe('2026-03-06T18:00:00Z');
  });
});

describe('helpers', () => {
  it('parses Co-authored-by trailers', () => {
    expect(coAuthors('Fix\n\nCo-authored-by: Mona Lisa <mona@example.com>\nCo-Authored-By:  Hubot <hubot@github.com> \n')).toEqual([
      { name: 'Mona Lisa', email: 'mona@example.com' },
      { name: 'Hubot', email: 'hubot@github.com' },
    ]);
    expect(coAuthors('Mentions co-authored-by in prose without an email')).toEqual([]);
  });
  it('reads logins from noreply emails', () => {
    expect(loginFromNoreply('583231+octocat@users.noreply.github.com')).toBe('octocat');
    expect(loginFromNoreply('octocat@users.noreply.github.com')).toBe('octocat');
    expect(loginFromNoreply('octocat@example.com')).toBeNull();
  });
  it('verifies permissions only for reviews that could count', () => {
    const reviews = [
      review('alice', 'APPROVED'),
      review('bob', 'APPROVED'),
      review('ci[bot]', 'APPROVED', { bot: true }),
      review('carol', 'COMMENTED'),
      review('erin', 'CHANGES_REQUESTED'),
    ];
    expect(reviewersToVerify({ author: 'alice', commits: [commit()], reviews })).toEqual(['bob', 'erin']);
  });
  it('latestReviews orders by submission time', () => {
    const latest = latestReviews([
      review('bob', 'CHANGES_REQUESTED', { submittedAt: '2026-03-05T00:00:00Z' }),
      review('bob', 'APPROVED', { submittedAt: '2026-03-01T00:00:00Z' }),
    ]);
    expect(latest.get('bob')?.state).toBe('CHANGES_REQUESTED');
  });
});
