import type { Rule } from '../types.js';

export const timingRules: Rule[] = [];
