import type { ChangeSet } from './changes/model.js';
import type { Config } from './config/defaults.js';
import { analyze } from './core/analyze.js';
import type { Finding } from './core/types.js';
import { decide, NO_APPROVALS, type ApprovalState, type Verdict } from './policy/decide.js';
import { tooLargeToVerify } from './rules/guard/engine.js';
import { allRules } from './rules/index.js';
import type { Rule } from './rules/types.js';
import { loadParsers } from './sql/parsers.js';

export interface RunInput {
  changes: ChangeSet;
  config: Config;
  now: Date;
  approvals?: ApprovalState;
  rules?: readonly Rule[];
}

function incompleteFindings(changes: ChangeSet): Finding[] {
  return (changes.incomplete ?? []).map((reason) => ({
    rule: tooLargeToVerify.id,
    category: tooLargeToVerify.category,
    severity: tooLargeToVerify.severity,
    path: null,
    line: null,
    message: `Part of this change could not be read: ${reason}`,
    why: tooLargeToVerify.why,
    fix: tooLargeToVerify.fix,
  }));
}

/**
 * The one pipeline shared by the Action and the CLI: changes -> findings -> verdict.
 * Async only because the SQL grammar (WebAssembly) loads once before the pure core runs.
 */
export async function run(input: RunInput): Promise<Verdict> {
  await loadParsers();
  const findings = [
    ...incompleteFindings(input.changes),
    ...analyze({ changes: input.changes, config: input.config, now: input.now, rules: input.rules ?? allRules }),
  ];
  return decide(findings, input.config, input.approvals ?? NO_APPROVALS);
}
