import type { Rule } from '../types.js';
import { freezeWindow } from './freeze-window.js';

export const timingRules: Rule[] = [freezeWindow];
