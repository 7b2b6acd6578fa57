import type { Verdict } from '../policy/decide.js';

/** The JSON contract (design.md): `{ risk, findings, approvals: { required, ... } }` plus status fields. */
export function renderJson(verdict: Verdict): string {
  return `${JSON.stringify(
    {
      risk: verdict.risk,
      mode: verdict.mode,
      satisfied: verdict.satisfied,
      blocking: verdict.blocking,
      findings: verdict.findings,
      approvals: verdict.approvals,
    },
    null,
    2,
  )}\n`;
}
