import type { Rule } from '../types.js';

export const databaseRules: Rule[] = [];
