import { databaseRules } from './database/index.js';
import { guardRules } from './guard/index.js';
import { timingRules } from './timing/index.js';
import type { Rule } from './types.js';

/** Every rule Two-Key runs, in report order within a severity. */
export const allRules: readonly Rule[] = [...databaseRules, ...guardRules, ...timingRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
