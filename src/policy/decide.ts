import type { Config, Mode } from '../config/defaults.js';
import { isBlocking, maxRisk, type Finding, type Risk } from '../core/types.js';

/** A reviewer whose latest review counts (the GitHub layer filters authors, bots, non-writers). */
export interface QualifiedReviewer {
  login: string;
  /** `org/team` slugs the reviewer belongs to, when the policy names teams. */
  teams?: string[];
  /** When the counted review was submitted (ISO 8601): timing rules may require sign-off inside a window. */
  submittedAt?: string | null;
  /** The commit the counted review was given on. */
  commit?: string | null;
}

export interface ApprovalState {
  /** Qualified reviewers whose latest, non-stale review is an approval. */
  approvers: QualifiedReviewer[];
  /** Qualified reviewers whose latest review requests changes: each one blocks. */
  changesRequested: string[];
  /** Reviews that were seen but do not count, with the reason shown to the user. */
  ignored: { login: string; reason: string }[];
}

export const NO_APPROVALS: ApprovalState = { approvers: [], changesRequested: [], ignored: [] };

export interface Verdict {
  risk: Risk;
  mode: Mode;
  findings: Finding[];
  approvals: {
    required: number;
    /** Users and @org/teams whose approval counts; empty means any qualified reviewer. */
    from: string[];
    /** Logins whose approval counts toward `required`. */
    given: string[];
    missing: number;
    changesRequested: string[];
    ignored: { login: string; reason: string }[];
  };
  /** Nothing blocks, or every required sign-off is in. */
  satisfied: boolean;
  /** The check should fail: enforce mode and not satisfied. */
  blocking: boolean;
}

function counts(reviewer: QualifiedReviewer, from: readonly string[]): boolean {
  if (from.length === 0) return true;
  return from.some((entry) => {
    const name = entry.replace(/^@/, '');
    if (name.includes('/')) return (reviewer.teams ?? []).some((t) => t.toLowerCase() === name.toLowerCase());
    return reviewer.login.toLowerCase() === name.toLowerCase();
  });
}

/** The policy: findings + approvals + config -> verdict. Pure; the clock only matters to timing rules. */
export function decide(findings: Finding[], config: Config, approvals: ApprovalState = NO_APPROVALS): Verdict {
  const risk = maxRisk(findings.map((f) => f.severity));
  const rule = risk === 'high' || risk === 'critical' ? config.approvals[risk] : undefined;
  const blockingFindings = findings.some((f) => isBlocking(f.severity));
  const required = blockingFindings && rule ? rule.count : 0;
  const from = rule?.from ?? [];
  const given = approvals.approvers.filter((r) => counts(r, from)).map((r) => r.login);
  const missing = Math.max(0, required - given.length);
  const changesRequested = blockingFindings ? approvals.changesRequested : [];
  const satisfied = missing === 0 && changesRequested.length === 0;
  return {
    risk,
    mode: config.mode,
    findings,
    approvals: { required, from, given, missing, changesRequested, ignored: approvals.ignored },
    satisfied,
    blocking: config.mode === 'enforce' && !satisfied,
  };
}
