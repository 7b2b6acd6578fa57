import type { Verdict } from '../policy/decide.js';
import { signOffSentence } from './wording.js';

function location(path: string | null, line: number | null): string {
  if (path === null) return '(whole pull request)';
  return line === null ? path : `${path}:${line}`;
}

/** Plain text for a terminal. */
export function renderText(verdict: Verdict): string {
  const out: string[] = [`Two-Key: risk ${verdict.risk}`];
  for (const f of verdict.findings) {
    out.push(
      '',
      `${f.severity.toUpperCase().padEnd(8)} ${location(f.path, f.line)}  ${f.rule}`,
      `  ${f.message}`,
      `  why: ${f.why}`,
      `  fix: ${f.fix}`,
    );
  }
  out.push('', signOffSentence(verdict));
  return `${out.join('\n')}\n`;
}
