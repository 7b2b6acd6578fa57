// The labelled corpus under tests/corpus/database/<framework>/<case>/: each case is a
// before/after pair and the categories it must raise. Shared by `npm run corpus` (prints
// the table) and tests/corpus/corpus.test.ts (enforces the thresholds in CI).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangedFile } from '../src/changes/model.js';
import { DEFAULT_CONFIG } from '../src/config/defaults.js';
import { analyze } from '../src/core/analyze.js';
import { isBlocking, severityRank, type Category, type Finding } from '../src/core/types.js';
import { allRules } from '../src/rules/index.js';
import { loadParsers } from '../src/sql/parsers.js';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'tests', 'corpus', 'database');
/** A Wednesday at noon: no freeze window, so timing findings never mix in. */
export const CORPUS_NOW = new Date('2024-06-12T12:00:00Z');
export const MIN_RECALL = 0.98;
export const MAX_FALSE_ALARM_RATE = 0.02;

export interface CorpusCase {
  framework: string;
  name: string;
  path: string;
  expect: Category[];
  note: string;
  before: string | null;
  after: string | null;
}

export interface CaseResult {
  case: CorpusCase;
  findings: Finding[];
  /** A positive case with a blocking (high or critical) finding in an expected category. */
  hit: boolean;
  /** A clean case with a database finding of severity >= medium, or a positive case found only in the wrong category. */
  falseAlarm: boolean;
}

export interface FrameworkRow {
  framework: string;
  cases: number;
  positives: number;
  hits: number;
  negatives: number;
  falseAlarms: number;
}

function readOptional(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const framework of readdirSync(dir).sort()) {
    const fdir = join(dir, framework);
    if (!statSync(fdir).isDirectory()) continue;
    for (const name of readdirSync(fdir).sort()) {
      const cdir = join(fdir, name);
      if (!existsSync(join(cdir, 'case.json'))) continue;
      const meta = JSON.parse(readFileSync(join(cdir, 'case.json'), 'utf8')) as { path: string; expect: Category[]; note?: string };
      out.push({
        framework,
        name,
        path: meta.path,
        expect: meta.expect,
        note: meta.note ?? '',
        before: readOptional(join(cdir, 'before')),
        after: readOptional(join(cdir, 'after')),
      });
    }
  }
  return out;
}

function toChangedFile(c: CorpusCase): ChangedFile {
  return {
    path: c.path,
    oldPath: null,
    status: c.before === null ? 'added' : c.after === null ? 'deleted' : 'modified',
    binary: false,
    before: c.before,
    after: c.after,
    hunks: [],
    partial: false,
  };
}

export function evaluateCase(c: CorpusCase): CaseResult {
  const findings = analyze({ changes: { files: [toChangedFile(c)] }, config: DEFAULT_CONFIG, now: CORPUS_NOW, rules: allRules }).filter(
    (f) => f.category !== 'timing',
  );
  if (c.expect.length === 0) {
    const falseAlarm = findings.some((f) => f.category === 'database' && severityRank(f.severity) >= severityRank('medium'));
    return { case: c, findings, hit: false, falseAlarm };
  }
  // Found only as low or medium would not hold the merge, so it does not count as caught.
  const hit = findings.some((f) => c.expect.includes(f.category) && isBlocking(f.severity));
  return { case: c, findings, hit, falseAlarm: !hit && findings.length > 0 };
}

export async function evaluateCorpus(dir = CORPUS_DIR): Promise<{ results: CaseResult[]; rows: FrameworkRow[]; total: FrameworkRow }> {
  await loadParsers();
  const results = loadCorpus(dir).map(evaluateCase);
  const rows = new Map<string, FrameworkRow>();
  const total: FrameworkRow = { framework: 'total', cases: 0, positives: 0, hits: 0, negatives: 0, falseAlarms: 0 };
  for (const r of results) {
    const row = rows.get(r.case.framework) ?? {
      framework: r.case.framework,
      cases: 0,
      positives: 0,
      hits: 0,
      negatives: 0,
      falseAlarms: 0,
    };
    rows.set(r.case.framework, row);
    for (const target of [row, total]) {
      target.cases++;
      if (r.case.expect.length > 0) target.positives++;
      else target.negatives++;
      if (r.hit) target.hits++;
      if (r.falseAlarm) target.falseAlarms++;
    }
  }
  return { results, rows: [...rows.values()], total };
}

export const recall = (row: FrameworkRow): number => (row.positives === 0 ? 1 : row.hits / row.positives);
/** False alarms per clean case (the conventional false-positive rate). */
export const falseAlarmRate = (row: FrameworkRow): number => (row.negatives === 0 ? 0 : row.falseAlarms / row.negatives);
