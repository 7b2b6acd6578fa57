import type { Finding, Severity } from '../core/types.js';

// Line annotations: through a check run (preferred) or workflow commands (fallback when the
// token lacks checks: write, e.g. a fork pull request).

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

/** The check-run annotation shape of the REST API. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
}

const LEVEL: Record<Severity, AnnotationLevel> = { critical: 'failure', high: 'failure', medium: 'warning', low: 'notice' };
/** GitHub's limits on an annotation's title and message. */
const TITLE_MAX = 255;
const MESSAGE_MAX = 64 * 1024;

const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function message(f: Finding): string {
  return `${f.message}\n\nWhat can go wrong: ${f.why}\nHow to make it safe: ${f.fix}`;
}

/** One annotation per finding that has a file; a finding about a whole file sits on line 1. */
export function toCheckAnnotations(findings: readonly Finding[]): CheckAnnotation[] {
  return findings
    .filter((f): f is Finding & { path: string } => f.path !== null)
    .map((f) => ({
      path: f.path,
      start_line: f.line ?? 1,
      end_line: f.line ?? 1,
      annotation_level: LEVEL[f.severity],
      title: cut(`${f.severity}: ${f.rule}`, TITLE_MAX),
      message: cut(message(f), MESSAGE_MAX),
    }));
}

export interface WorkflowAnnotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  startLine?: number;
  title: string;
}

const COMMAND_LEVEL: Record<AnnotationLevel, WorkflowAnnotation['level']> = { failure: 'error', warning: 'warning', notice: 'notice' };

/** The same findings as `::error file=…,line=…::` workflow commands (core.error/warning/notice). */
export function toWorkflowAnnotations(findings: readonly Finding[]): WorkflowAnnotation[] {
  return findings.map((f) => {
    const a: WorkflowAnnotation = { level: COMMAND_LEVEL[LEVEL[f.severity]], message: message(f), title: `${f.severity}: ${f.rule}` };
    if (f.path !== null) {
      a.file = f.path;
      a.startLine = f.line ?? 1;
    }
    return a;
  });
}

/** Splits a list into batches of `size` (check runs take 50 annotations per request). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
