import { databaseRules } from './database/index.js';
import { engineFindings } from './guard/engine.js';
import { guardRules } from './guard/index.js';
import { timingRules } from './timing/index.js';
import type { Rule, RuleMeta } from './types.js';

/** Every rule Two-Key runs, in report order within a severity. */
export const allRules: readonly Rule[] = [...databaseRules, ...guardRules, ...timingRules];

/** The metadata of every id a finding can carry: the rules, and the findings the engine raises itself. */
export const allRuleMetas: readonly RuleMeta[] = [...allRules.map((r) => r.meta), ...engineFindings];

export function ruleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas.find((m) => m.id === id);
}
