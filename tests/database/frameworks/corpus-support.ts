import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { analyze } from '../../../src/core/analyze.js';
import { isBlocking, type Finding } from '../../../src/core/types.js';
import { allRules } from '../../../src/rules/index.js';
import { changedFile } from '../../support/changes.js';

export const CORPUS = join(import.meta.dirname, '..', '..', 'corpus', 'database');

export interface CorpusCase {
  framework: string;
  name: string;
  path: string;
  expect: string[];
  note: string;
  before: string | null;
  after: string | null;
}

/** The corpus cases of the given framework folders. */
export function corpusCases(frameworks: readonly string[]): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const framework of frameworks) {
    const dir = join(CORPUS, framework);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const c = join(dir, name);
      const meta = JSON.parse(readFileSync(join(c, 'case.json'), 'utf8')) as { path: string; expect: string[]; note: string };
      const read = (f: string): string | null => (existsSync(join(c, f)) ? readFileSync(join(c, f), 'utf8') : null);
      out.push({ framework, name, ...meta, before: read('before'), after: read('after') });
    }
  }
  return out;
}

/** Findings for one case; a case "detects" a category when a blocking finding of it is raised. */
export function runCase(c: CorpusCase): { findings: Finding[]; categories: string[] } {
  const findings = analyze({
    changes: { files: [changedFile(c.path, c.before, c.after)] },
    config: { ...DEFAULT_CONFIG, freeze: [] },
    now: new Date('2026-01-07T10:00:00Z'),
    rules: allRules,
  });
  const categories = [...new Set(findings.filter((f) => isBlocking(f.severity)).map((f) => f.category))].sort();
  return { findings, categories };
}
