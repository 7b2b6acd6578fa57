import type { Verdict } from '../policy/decide.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const mentions = (logins: readonly string[]): string => logins.map((l) => `@${l}`).join(', ');

/** One sentence on what the merge waits for; shared by every renderer so they never disagree. */
export function signOffSentence(verdict: Verdict): string {
  const { approvals } = verdict;
  if (verdict.findings.length === 0) return 'No risky changes found. Nothing to sign off.';
  if (approvals.required === 0 && approvals.changesRequested.length === 0) {
    return 'Nothing here blocks the merge: the findings are for information (low or medium).';
  }
  const who = approvals.from.length > 0 ? ` from ${approvals.from.join(', ')}` : ' from someone other than the author';
  const waits: string[] = [];
  if (approvals.missing > 0)
    waits.push(`${plural(approvals.missing, 'more approval')}${who} (${approvals.given.length} of ${approvals.required} given)`);
  if (approvals.changesRequested.length > 0) waits.push(`a new review from ${mentions(approvals.changesRequested)}, who requested changes`);
  if (waits.length === 0) return `Signed off: ${plural(approvals.required, 'required approval')} given by ${mentions(approvals.given)}.`;
  const sentence = `needs ${waits.join(' and ')} before it can merge.`;
  return verdict.mode === 'report' ? `Report mode, not enforced: in enforce mode this change ${sentence}` : `This change ${sentence}`;
}
