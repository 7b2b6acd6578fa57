// The shared vocabulary of the pipeline. Other tools read the JSON forms of these
// types (see docs/contracts), so changes here are changes to a public contract.

export const CATEGORIES = ['database', 'routing', 'infrastructure', 'timing', 'secrets', 'guard'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Risk = Severity | 'none';

/** Only these severities hold the merge; lower ones are reported and never block. */
export const BLOCKING_SEVERITIES: readonly Severity[] = ['high', 'critical'];

export interface Finding {
  /** Stable id such as `database/drop-table`. */
  rule: string;
  category: Category;
  severity: Severity;
  /** Repository-relative path, or null for a PR-wide finding (timing). */
  path: string | null;
  /** 1-based line in the head version; null for a deleted file or a PR-wide finding. */
  line: number | null;
  message: string;
  /** What can go wrong. */
  why: string;
  /** How to make the change safe. */
  fix: string;
}

export function severityRank(s: Risk): number {
  return s === 'none' ? 0 : SEVERITIES.indexOf(s) + 1;
}

export function maxRisk(severities: Iterable<Severity>): Risk {
  let best: Risk = 'none';
  for (const s of severities) if (severityRank(s) > severityRank(best)) best = s;
  return best;
}

export function raiseSeverity(s: Severity, steps = 1): Severity {
  const i = Math.min(SEVERITIES.length - 1, SEVERITIES.indexOf(s) + steps);
  return SEVERITIES[i] as Severity;
}

export function isBlocking(s: Severity): boolean {
  return BLOCKING_SEVERITIES.includes(s);
}
