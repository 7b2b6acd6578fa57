import type { Risk } from '../core/types.js';
import type { GitHub } from './client.js';
import { call, isStatus, OPS } from './errors.js';
import type { RepoRef } from './pull.js';

export const RISK_LABELS = {
  'risk:low': { color: 'fef2c0', description: 'Two-Key: low-risk changes' },
  'risk:medium': { color: 'fbca04', description: 'Two-Key: medium-risk changes' },
  'risk:high': { color: 'd93f0b', description: 'Two-Key: high-risk changes, sign-off required' },
  'risk:critical': { color: 'b60205', description: 'Two-Key: critical changes, two sign-offs by default' },
} as const;

type RiskLabel = keyof typeof RISK_LABELS;
const isRiskLabel = (name: string): name is RiskLabel => name in RISK_LABELS;

/** Which labels to add and remove so the PR carries exactly `risk:<risk>` (none for no risk). */
export function labelChanges(current: readonly string[], risk: Risk): { add: RiskLabel[]; remove: RiskLabel[] } {
  const wanted = risk === 'none' ? null : (`risk:${risk}` as RiskLabel);
  return {
    add: wanted && !current.includes(wanted) ? [wanted] : [],
    remove: current.filter(isRiskLabel).filter((l) => l !== wanted),
  };
}

/** The colour GitHub gives a label it creates on the fly when one is added to an issue. */
const AUTO_CREATED_COLOR = 'ededed';

/**
 * Adds the risk label and removes stale ones. Adding a label the repository lacks makes
 * GitHub create it (grey, no description); only then is it given its colour, so the
 * common case (the label exists) costs one call.
 */
export async function syncRiskLabels(gh: GitHub, repo: RepoRef, number: number, current: readonly string[], risk: Risk): Promise<void> {
  const { add, remove } = labelChanges(current, risk);
  for (const name of add) {
    const { data } = await call(OPS.labels, () => gh.rest.issues.addLabels({ ...repo, issue_number: number, labels: [name] }));
    const added = data.find((l) => l.name === name);
    if (added && added.color.toLowerCase() === AUTO_CREATED_COLOR && !added.description) {
      await call(OPS.labels, () => gh.rest.issues.updateLabel({ ...repo, name, ...RISK_LABELS[name] }));
    }
  }
  for (const name of remove) {
    try {
      await gh.rest.issues.removeLabel({ ...repo, issue_number: number, name });
    } catch (error) {
      if (!isStatus(error, 404)) await call(OPS.labels, () => Promise.reject(error));
    }
  }
}
