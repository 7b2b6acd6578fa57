import type { Finding } from '../core/types.js';
import type { Verdict } from '../policy/decide.js';
import { ruleDocsUrl } from './links.js';
import { signOffSentence } from './wording.js';

export interface MarkdownOptions {
  /** Turns a path and line into a link (the PR's blob URL); plain `path:line` without it. */
  fileUrl?: (path: string, line: number | null) => string;
}

const ICON: Record<Finding['severity'], string> = { critical: '🛑', high: '🔴', medium: '🟠', low: '🟡' };

/** Escapes text that came from the pull request so it cannot inject markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function where(f: Finding, options: MarkdownOptions): string {
  if (f.path === null) return 'whole pull request';
  const label = escapeMarkdown(f.line === null ? f.path : `${f.path}:${f.line}`);
  return options.fileUrl ? `[${label}](${options.fileUrl(f.path, f.line)})` : label;
}

function findingBlock(f: Finding, options: MarkdownOptions): string {
  return [
    `#### ${ICON[f.severity]} ${f.severity} · [\`${f.rule}\`](${ruleDocsUrl(f.rule)}) · ${where(f, options)}`,
    '',
    escapeMarkdown(f.message),
    '',
    `- **What can go wrong:** ${f.why}`,
    `- **How to make it safe:** ${f.fix}`,
  ].join('\n');
}

/** The report as markdown: what a PR comment says. */
export function renderMarkdown(verdict: Verdict, options: MarkdownOptions = {}): string {
  const lines: string[] = [];
  const risk = verdict.risk === 'none' ? '✅ none' : `${ICON[verdict.risk]} ${verdict.risk}`;
  lines.push(`### Two-Key: risk ${risk}`, '', signOffSentence(verdict), '');
  if (verdict.findings.length > 0) {
    lines.push('| Severity | Rule | Where |', '| --- | --- | --- |');
    for (const f of verdict.findings) lines.push(`| ${ICON[f.severity]} ${f.severity} | \`${f.rule}\` | ${where(f, options)} |`);
    lines.push('');
    for (const f of verdict.findings) lines.push(findingBlock(f, options), '');
  }
  const { approvals } = verdict;
  if (approvals.required > 0) {
    lines.push('#### Sign-off', '');
    lines.push(`- Required: ${approvals.required}${approvals.from.length > 0 ? ` from ${approvals.from.join(', ')}` : ' (anyone with write access other than the authors)'}`);
    lines.push(`- Given: ${approvals.given.length > 0 ? approvals.given.map((l) => `@${l}`).join(', ') : 'none yet'}`);
    if (approvals.changesRequested.length > 0) lines.push(`- Changes requested: ${approvals.changesRequested.map((l) => `@${l}`).join(', ')}`);
    for (const i of approvals.ignored) lines.push(`- Not counted: @${i.login} (${i.reason})`);
    lines.push('');
  }
  if (verdict.findings.length > 0) {
    lines.push(
      '<sub>Two-Key asks for a second pair of eyes on changes that can take production down or destroy its data. It is about the change, not the person: any of us could paste the same line.</sub>',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
