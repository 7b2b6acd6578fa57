import type { Finding } from '../core/types.js';
import type { Verdict } from '../policy/decide.js';
import { ruleDocsUrl } from './links.js';
import { signOffSentence } from './wording.js';

export interface MarkdownOptions {
  /** Turns a path and line into a link (the PR's blob URL); plain `path:line` without it. */
  fileUrl?: (path: string, line: number | null) => string;
  /** Wrap the per-finding explanations in a collapsed `<details>` section. */
  collapseDetails?: boolean;
  /** Explain at most this many findings in full (the table still lists every one shown). */
  maxDetails?: number;
  /** List at most this many findings in the table; a line says how many more there are. */
  maxRows?: number;
  /** Said where findings were left out, e.g. where to find the full list. */
  omittedNote?: string;
}

const ICON: Record<Finding['severity'], string> = { critical: '🛑', high: '🔴', medium: '🟠', low: '🟡' };

/** Escapes text that came from the pull request so it cannot inject markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/\r?\n/g, ' ');
}

const mention = (login: string): string => `@${escapeMarkdown(login)}`;

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

/** The verdict with every login escaped, for the shared wording helpers. */
function escapedLogins(verdict: Verdict): Verdict {
  const a = verdict.approvals;
  return {
    ...verdict,
    approvals: { ...a, given: a.given.map(escapeMarkdown), changesRequested: a.changesRequested.map(escapeMarkdown) },
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The report as markdown: what a PR comment says. */
export function renderMarkdown(verdict: Verdict, options: MarkdownOptions = {}): string {
  const lines: string[] = [];
  const risk = verdict.risk === 'none' ? '✅ none' : `${ICON[verdict.risk]} ${verdict.risk}`;
  lines.push(`### Two-Key: risk ${risk}`, '', signOffSentence(escapedLogins(verdict)), '');
  const rows = verdict.findings.slice(0, options.maxRows ?? verdict.findings.length);
  const details = rows.slice(0, options.maxDetails ?? rows.length);
  if (rows.length > 0) {
    lines.push('| Severity | Rule | Where | What |', '| --- | --- | --- | --- |');
    for (const f of rows)
      lines.push(`| ${ICON[f.severity]} ${f.severity} | \`${f.rule}\` | ${where(f, options)} | ${escapeMarkdown(f.message)} |`);
    const left = verdict.findings.length - rows.length;
    if (left > 0)
      lines.push('', `…and ${plural(left, 'more finding')} not listed here.${options.omittedNote ? ` ${options.omittedNote}` : ''}`);
    lines.push('');
    if (details.length > 0) {
      const heading = `Why each finding matters and how to make it safe (${plural(details.length, 'finding')})`;
      if (options.collapseDetails) lines.push('<details>', `<summary>${heading}</summary>`, '');
      for (const f of details) lines.push(findingBlock(f, options), '');
      if (details.length < rows.length)
        lines.push(
          `<sub>${plural(rows.length - details.length, 'more finding')} not explained here: see the rule links in the table.</sub>`,
          '',
        );
      if (options.collapseDetails) lines.push('</details>', '');
    }
  }
  const { approvals } = verdict;
  if (approvals.required > 0 || approvals.changesRequested.length > 0) {
    lines.push('#### Sign-off', '');
    const from =
      approvals.from.length > 0
        ? ` from ${approvals.from.map(escapeMarkdown).join(', ')}`
        : ' (anyone with write access other than the authors)';
    lines.push(`- Required: ${approvals.required}${from}`);
    lines.push(`- Given: ${approvals.given.length > 0 ? approvals.given.map(mention).join(', ') : 'none yet'}`);
    if (approvals.changesRequested.length > 0) lines.push(`- Changes requested: ${approvals.changesRequested.map(mention).join(', ')}`);
    for (const i of approvals.ignored) lines.push(`- Not counted: ${mention(i.login)} (${escapeMarkdown(i.reason)})`);
    const remaining: string[] = [];
    if (approvals.missing > 0) remaining.push(`${plural(approvals.missing, 'more approval')}${from}`);
    if (approvals.changesRequested.length > 0) remaining.push('each request for changes resolved (approved or dismissed)');
    lines.push(`- Remaining: ${remaining.length > 0 ? remaining.join('; ') : 'nothing'}`);
    if (verdict.mode === 'report') lines.push('- Mode: report (this is what enforce mode would require; nothing is held)');
    lines.push('');
  }
  if (verdict.findings.length > 0) {
    lines.push(
      '<sub>Two-Key asks for a second pair of eyes on changes that can take production down or destroy its data. It is about the change, not the person: any of us could paste the same line.</sub>',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
