import type { Rule } from '../types.js';

export const guardRules: Rule[] = [];
