import type { Risk } from '../core/types.js';
import type { Verdict } from '../policy/decide.js';
import { escapeMarkdown, renderMarkdown, type MarkdownOptions } from './markdown.js';

// The job summary. core.summary writes raw markdown/HTML, so every PR-derived string
// (titles, paths, logins, messages) goes through escapeMarkdown here.

export interface EvaluatedPull {
  number: number;
  title: string;
  url: string;
  verdict: Verdict | null;
  /** Why the evaluation could not finish, when it could not. */
  error: string | null;
  /** The commit status that was (or would have been) written. */
  state: 'success' | 'failure' | 'error';
}

const STATE_ICON = { success: '✅', failure: '❌', error: '⚠️' } as const;

function riskOf(p: EvaluatedPull): Risk | 'unknown' {
  return p.verdict ? p.verdict.risk : 'unknown';
}

/** One pull request in detail; several in a table, each with its state. */
export function renderSummary(pulls: readonly EvaluatedPull[], options: MarkdownOptions = {}): string {
  if (pulls.length === 1) {
    const p = pulls[0] as EvaluatedPull;
    const head = `## Two-Key · [#${p.number}](${p.url}) ${escapeMarkdown(p.title)}\n\n`;
    if (p.error !== null || p.verdict === null)
      return `${head}${STATE_ICON.error} Evaluation could not finish, so the gate fails closed: ${escapeMarkdown(p.error ?? 'unknown error')}\n`;
    return `${head}${renderMarkdown(p.verdict, options)}`;
  }
  const lines = ['## Two-Key', '', `Evaluated ${pulls.length} open pull request${pulls.length === 1 ? '' : 's'}.`, ''];
  if (pulls.length > 0) {
    lines.push('| Pull request | Risk | Status | Note |', '| --- | --- | --- | --- |');
    for (const p of pulls) {
      const note =
        p.error !== null
          ? escapeMarkdown(p.error)
          : p.verdict && p.verdict.approvals.missing > 0
            ? `needs ${p.verdict.approvals.missing} more approval(s)`
            : '';
      lines.push(`| [#${p.number}](${p.url}) ${escapeMarkdown(p.title)} | ${riskOf(p)} | ${STATE_ICON[p.state]} ${p.state} | ${note} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
