import type { RuleMeta } from '../types.js';

// Findings the engine itself raises when it cannot vouch for part of a change. They have
// no check function, but they have ids, docs pages and config overrides like any rule.

export const analysisError: RuleMeta = {
  id: 'guard/analysis-error',
  category: 'guard',
  severity: 'high',
  title: 'A rule could not finish on a file',
  why: 'A change that could not be analysed might hide a risk, so Two-Key fails closed instead of passing it.',
  fix: 'Ask a reviewer to look at this file by hand, and report the error to the Two-Key maintainers.',
};

export const tooLargeToVerify: RuleMeta = {
  id: 'guard/too-large-to-verify',
  category: 'guard',
  severity: 'high',
  title: 'Part of the change could not be read',
  why: 'Two-Key can only vouch for what it has read; an unread file could hold a destructive change.',
  fix: 'Split the pull request, or let the workflow check out the repository so Two-Key can read the rest locally; until then a reviewer must look at the unread files.',
};

export const engineFindings: readonly RuleMeta[] = [analysisError, tooLargeToVerify];
