import type { Rule } from '../types.js';
import { codeowners } from './codeowners.js';
import { configChange } from './config-change.js';
import { workflowChange } from './workflow-change.js';

export const guardRules: Rule[] = [configChange, workflowChange, codeowners];
