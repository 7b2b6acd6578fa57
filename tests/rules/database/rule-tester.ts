// ESLint RuleTester, for database rules: each case is one line of a table, and the table
// reads as the rule's specification. Every case runs through analyze() like production does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { analyze } from '../../../src/core/analyze.js';
import type { Finding, Severity } from '../../../src/core/types.js';
import type { FileRule } from '../../../src/rules/types.js';
import { loadParsers } from '../../../src/sql/parsers.js';
import { changedFile } from '../../support/changes.js';

export interface ValidCase {
  name: string;
  after: string | null;
  /** Base text; omitted: a new file. */
  before?: string;
  path?: string;
}

export interface InvalidCase extends ValidCase {
  /** Head lines of the expected findings, in order. */
  lines: number[];
  severity?: Severity;
  message?: RegExp;
}

/** Reads tests/rules/database/fixtures/<name>. */
export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}

export function findingsFor(rule: FileRule, c: ValidCase): Finding[] {
  const path = c.path ?? 'db/migrations/20240612093000_change.sql';
  const file = changedFile(path, c.before ?? null, c.after);
  return analyze({ changes: { files: [file] }, config: DEFAULT_CONFIG, now: new Date('2024-06-12T12:00:00Z'), rules: [rule] }).filter(
    (f) => f.rule === rule.meta.id,
  );
}

export function ruleTester(rule: FileRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    beforeAll(async () => {
      await loadParsers();
    });
    it.each(cases.valid)('valid: $name', (c) => {
      expect(findingsFor(rule, c)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', (c) => {
      const found = findingsFor(rule, c);
      expect(found.map((f) => f.line ?? 0).sort((a, b) => a - b)).toEqual(c.lines);
      for (const f of found) {
        expect(f.category).toBe('database');
        expect(f.severity).toBe(c.severity ?? rule.meta.severity);
        if (c.message) expect(f.message).toMatch(c.message);
      }
    });
  });
}
