import type { Verdict } from '../policy/decide.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One sentence on what the merge waits for; shared by every renderer so they never disagree. */
export function signOffSentence(verdict: Verdict): string {
  const { approvals } = verdict;
  if (verdict.findings.length === 0) return 'No risky changes found. Nothing to sign off.';
  if (approvals.required === 0 && approvals.changesRequested.length === 0) {
    return 'Nothing here blocks the merge: the findings are informational (low or medium).';
  }
  const who = approvals.from.length > 0 ? ` from ${approvals.from.join(', ')}` : ' from someone other than the author';
  const parts: string[] = [];
  if (approvals.missing > 0) parts.push(`needs ${plural(approvals.missing, 'more approval')}${who}`);
  if (approvals.changesRequested.length > 0) parts.push(`changes requested by ${approvals.changesRequested.map((l) => `@${l}`).join(', ')}`);
  const prefix = verdict.mode === 'report' ? 'Report mode (not enforced): this change would need' : 'This change needs';
  if (parts.length === 0) return `Signed off: ${plural(approvals.required, 'required approval')} given (${approvals.given.map((l) => `@${l}`).join(', ')}).`;
  if (verdict.mode === 'report') return `${prefix} ${plural(approvals.required, 'approval')}${who}; ${parts.join('; ')}.`;
  return `${prefix} ${plural(approvals.required, 'approval')}${who} before it merges: ${parts.join('; ')}.`;
}
