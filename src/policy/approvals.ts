import type { StaleMode } from '../config/defaults.js';
import type { ApprovalState, QualifiedReviewer } from './decide.js';

// Who may sign off, as a pure function of facts the GitHub layer fetched: reviews, the PR's
// commits, collaborator permissions, team members and what changed since each approval.
// Nothing here talks to GitHub, so every rule is testable on plain data.

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  id: number;
  login: string;
  /** The account is a bot (`type: Bot`, or a `[bot]` login). */
  bot: boolean;
  state: ReviewState;
  /** ISO 8601; null for a pending review. */
  submittedAt: string | null;
  /** The head commit the review was given on. */
  commitId: string | null;
}

export interface CommitFacts {
  sha: string;
  /** GitHub login of the author, when the author's email maps to an account. */
  authorLogin: string | null;
  authorName: string | null;
  authorEmail: string | null;
  message: string;
  /** Logins GitHub resolved for every author of the commit, co-authors included (GraphQL `authors`). */
  resolvedLogins?: string[];
}

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface ApprovalFacts {
  /** The PR author's login. */
  author: string;
  headSha: string;
  commits: CommitFacts[];
  reviews: Review[];
  /** Collaborator permission per reviewer login (lower case); missing means unknown. */
  permissions: Record<string, Permission>;
  /** Members (lower-case logins) of each `org/team` (lower case) that the policy names. */
  teams: Record<string, string[]>;
  stale: StaleMode;
  /** Paths (head and base names) carrying a finding; `null` path means a PR-wide finding. */
  riskyPaths: (string | null)[];
  /**
   * Files changed between each approved commit and the head, from the compare API.
   * A commit missing here (or null: the comparison was truncated or failed) counts as stale.
   */
  changedSince: Record<string, string[] | null>;
}

const WRITE: readonly Permission[] = ['admin', 'maintain', 'write'];

const lower = (s: string): string => s.toLowerCase();

export function isBotLogin(login: string): boolean {
  return /\[bot\]$/i.test(login);
}

export interface CoAuthor {
  name: string;
  email: string;
}

/**
 * `Co-authored-by: Name <email>` trailers. Git trailers live in the last paragraph, but
 * GitHub (and squash merges) accept them anywhere in the message, so do the same.
 */
export function coAuthors(message: string): CoAuthor[] {
  const out: CoAuthor[] = [];
  for (const m of message.matchAll(/^[ \t]*co-authored-by:[ \t]*(.*?)[ \t]*<([^>\s]+)>[ \t]*$/gim)) {
    out.push({ name: (m[1] ?? '').trim(), email: (m[2] ?? '').trim() });
  }
  return out;
}

/** `12345+octocat@users.noreply.github.com` and `octocat@users.noreply.github.com` name a login. */
export function loginFromNoreply(email: string): string | null {
  const m = /^(?:\d+\+)?([A-Za-z0-9-]+(?:\[bot\])?)@users\.noreply\.github\.com$/i.exec(email);
  return m ? (m[1] ?? null) : null;
}

/**
 * Every identity that wrote part of the PR: the PR author, commit authors and co-authors.
 * Logins are lower case; emails and names are kept too because a co-author trailer may
 * name a person only by email.
 */
export interface Contributors {
  logins: Set<string>;
  emails: Set<string>;
  names: Set<string>;
}

export function contributors(author: string, commits: readonly CommitFacts[]): Contributors {
  const logins = new Set<string>([lower(author)]);
  const emails = new Set<string>();
  const names = new Set<string>();
  const loginEmails = new Map<string, Set<string>>();
  for (const c of commits) {
    if (c.authorLogin) logins.add(lower(c.authorLogin));
    for (const l of c.resolvedLogins ?? []) logins.add(lower(l));
    if (c.authorEmail) emails.add(lower(c.authorEmail));
    if (c.authorName) names.add(lower(c.authorName));
    if (c.authorLogin && c.authorEmail) {
      const set = loginEmails.get(lower(c.authorLogin)) ?? new Set<string>();
      set.add(lower(c.authorEmail));
      loginEmails.set(lower(c.authorLogin), set);
    }
    for (const co of coAuthors(c.message)) {
      emails.add(lower(co.email));
      if (co.name) names.add(lower(co.name));
      const fromNoreply = loginFromNoreply(co.email);
      if (fromNoreply) logins.add(lower(fromNoreply));
    }
  }
  // A co-author named by an email that one of the PR's commit authors also uses is that author.
  for (const [login, set] of loginEmails) for (const e of set) if (emails.has(e)) logins.add(login);
  return { logins, emails, names };
}

/** Whether `login` wrote part of the PR (author, commit author, or co-author by login, noreply email or name). */
export function isContributor(login: string, who: Contributors): boolean {
  const l = lower(login);
  return who.logins.has(l) || who.names.has(l);
}

/**
 * The latest review state per reviewer. Comments do not replace an approval or a request
 * for changes (GitHub's own rule); a dismissal does; pending reviews are not submitted yet.
 */
export function latestReviews(reviews: readonly Review[]): Map<string, Review> {
  const sorted = [...reviews].filter((r) => r.state !== 'PENDING' && r.state !== 'COMMENTED');
  sorted.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id);
  const latest = new Map<string, Review>();
  for (const r of sorted) latest.set(lower(r.login), r);
  return latest;
}

/**
 * Reviewers whose permission must be looked up: a latest state that counts (approval or
 * changes requested) from someone who is neither a bot nor a contributor. The GitHub
 * layer asks only about these, so a PR with one approval costs one permission call.
 */
export function reviewersToVerify(facts: Pick<ApprovalFacts, 'author' | 'commits' | 'reviews'>): string[] {
  const who = contributors(facts.author, facts.commits);
  const out: string[] = [];
  for (const r of latestReviews(facts.reviews).values()) {
    if (r.state !== 'APPROVED' && r.state !== 'CHANGES_REQUESTED') continue;
    if (r.bot || isBotLogin(r.login) || isContributor(r.login, who)) continue;
    out.push(r.login);
  }
  return out;
}

/** Approved commits other than the head, for which the compare API must say what changed since. */
export function commitsToCompare(facts: Pick<ApprovalFacts, 'headSha' | 'stale'>, reviewers: readonly Review[]): string[] {
  if (facts.stale !== 'risky-files') return [];
  const shas = new Set<string>();
  for (const r of reviewers) if (r.state === 'APPROVED' && r.commitId && r.commitId !== facts.headSha) shas.add(r.commitId);
  return [...shas];
}

/** Why an approval given on an older commit no longer counts, or null while it still does. */
export function staleReason(review: Review, facts: ApprovalFacts): string | null {
  if (facts.stale === 'never' || review.commitId === facts.headSha) return null;
  const short = (review.commitId ?? 'an unknown commit').slice(0, 7);
  if (facts.stale === 'any-push') return `approved ${short}; commits were pushed since (stale: any-push)`;
  const changed = review.commitId ? facts.changedSince[review.commitId] : undefined;
  if (changed === undefined || changed === null) return `approved ${short}; could not tell what changed since, so it counts as stale`;
  if (changed.length === 0) return null;
  const prWide = facts.riskyPaths.includes(null);
  const risky = new Set(facts.riskyPaths.filter((p): p is string => p !== null));
  const hit = changed.find((p) => risky.has(p));
  if (hit !== undefined) return `approved ${short}; ${hit} changed since (stale: risky-files)`;
  if (prWide) return `approved ${short}; files changed since and a finding covers the whole pull request`;
  return null;
}

export function hasWrite(permission: Permission | undefined): boolean {
  return permission !== undefined && WRITE.includes(permission);
}

/** Reviews + PR facts -> the ApprovalState decide() counts. */
export function evaluateApprovals(facts: ApprovalFacts): ApprovalState {
  const who = contributors(facts.author, facts.commits);
  const approvers: QualifiedReviewer[] = [];
  const changesRequested: string[] = [];
  const ignored: { login: string; reason: string }[] = [];
  for (const r of latestReviews(facts.reviews).values()) {
    if (r.state === 'DISMISSED') continue;
    if (r.bot || isBotLogin(r.login)) {
      ignored.push({ login: r.login, reason: 'a bot cannot sign off' });
      continue;
    }
    if (lower(r.login) === lower(facts.author)) {
      ignored.push({ login: r.login, reason: 'the author of the pull request' });
      continue;
    }
    if (isContributor(r.login, who)) {
      ignored.push({ login: r.login, reason: 'wrote or co-wrote commits in this pull request' });
      continue;
    }
    const permission = facts.permissions[lower(r.login)];
    if (!hasWrite(permission)) {
      ignored.push({
        login: r.login,
        reason: permission === undefined ? 'write access could not be confirmed' : `has ${permission} access, write is needed`,
      });
      continue;
    }
    if (r.state === 'CHANGES_REQUESTED') {
      // A request for changes blocks whatever commit it was given on, until approved or dismissed.
      changesRequested.push(r.login);
      continue;
    }
    const stale = staleReason(r, facts);
    if (stale) {
      ignored.push({ login: r.login, reason: stale });
      continue;
    }
    const teams = Object.entries(facts.teams)
      .filter(([, members]) => members.includes(lower(r.login)))
      .map(([team]) => team);
    approvers.push({ login: r.login, teams, submittedAt: r.submittedAt, commit: r.commitId });
  }
  return { approvers, changesRequested, ignored };
}

/** `@org/team` entries of a policy, as lower-case `org/team` slugs. */
export function teamsIn(from: readonly string[]): string[] {
  return [
    ...new Set(
      from
        .map((f) => f.replace(/^@/, ''))
        .filter((f) => f.includes('/'))
        .map(lower),
    ),
  ];
}
