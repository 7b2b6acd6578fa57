import type { Verdict } from '../policy/decide.js';
import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { STATUS_DESCRIPTION_MAX } from './limits.js';
import type { RepoRef } from './pull.js';

export type StatusState = 'success' | 'failure' | 'error' | 'pending';

export interface StatusInput {
  sha: string;
  state: StatusState;
  context: string;
  description: string;
  targetUrl: string | null;
}

export function clip(text: string, max = STATUS_DESCRIPTION_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The gate: a commit status that branch protection can require. */
export async function setCommitStatus(gh: GitHub, repo: RepoRef, input: StatusInput): Promise<void> {
  await call(OPS.status, () =>
    gh.rest.repos.createCommitStatus({
      ...repo,
      sha: input.sha,
      state: input.state,
      context: input.context,
      description: clip(input.description),
      ...(input.targetUrl ? { target_url: input.targetUrl } : {}),
    }),
  );
}

/** The gate's state and its one-line reason, from a finished evaluation. */
export function statusFor(verdict: Verdict): { state: 'success' | 'failure'; description: string } {
  const a = verdict.approvals;
  const top = verdict.findings[0];
  const about = top ? `${top.rule}${top.path ? ` in ${top.path}` : ''}` : '';
  const from = a.from.length > 0 ? ` from ${a.from.join(', ')}` : '';
  const needs: string[] = [];
  if (a.missing > 0) needs.push(`needs ${a.missing} more approval${a.missing === 1 ? '' : 's'}${from}`);
  if (a.changesRequested.length > 0) needs.push(`changes requested by ${a.changesRequested.map((l) => `@${l}`).join(', ')}`);
  if (verdict.findings.length === 0) return { state: 'success', description: 'No risky changes found' };
  if (needs.length === 0) {
    const text =
      a.required > 0
        ? `Risk ${verdict.risk}: signed off by ${a.given.map((l) => `@${l}`).join(', ')}`
        : `Risk ${verdict.risk}: nothing blocks (informational findings)`;
    return { state: 'success', description: clip(text) };
  }
  const text = `${needs.join('; ')}: ${about}`;
  if (verdict.mode === 'report') return { state: 'success', description: clip(`Report mode, not enforced: ${text}`) };
  return { state: 'failure', description: clip(text) };
}
