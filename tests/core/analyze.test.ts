import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { analyze } from '../../src/core/analyze.js';
import type { FileRule } from '../../src/rules/types.js';
import { run } from '../../src/run.js';
import { loadParsers } from '../../src/sql/parsers.js';
import { changedFile } from '../support/changes.js';

const NOW = new Date('2026-11-18T10:00:00Z');
const migration = changedFile('db/migrate/20261118_cleanup.sql', null, 'DELETE FROM sessions;\n');

const crashing: FileRule = {
  kind: 'file',
  meta: { id: 'database/test-crash', category: 'database', severity: 'medium', title: 't', why: 'w', fix: 'f' },
  appliesTo: (path) => path.endsWith('.sql'),
  check: () => {
    throw new Error('unexpected token at 3:14');
  },
};

const reportEveryLine: FileRule = {
  kind: 'file',
  meta: { id: 'database/test-line', category: 'database', severity: 'medium', title: 't', why: 'w', fix: 'f' },
  appliesTo: () => true,
  check: () => [{ line: 1, message: 'line one' }],
};

beforeAll(async () => {
  await loadParsers();
});

describe('analyze', () => {
  it('turns a crashing rule into a blocking guard/analysis-error, keeping the other rules’ findings', () => {
    const findings = analyze({ changes: { files: [migration] }, config: parseConfig(null), now: NOW, rules: [crashing, reportEveryLine] });
    expect(findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['guard/analysis-error:high', 'database/test-line:medium']);
    expect(findings[0]?.message).toBe('Two-Key could not finish rule database/test-crash on this file (unexpected token at 3:14).');
  });

  it('fails closed even when the config switches guard rules off', () => {
    const config = parseConfig('rules:\n  "guard/*": { severity: off }\n');
    const findings = analyze({ changes: { files: [migration] }, config, now: NOW, rules: [crashing] });
    expect(findings.map((f) => f.rule)).toEqual(['guard/analysis-error']);
  });

  it('raises a finding on a production path one level, and applies overrides by exact id over globs', () => {
    const prod = changedFile('deploy/prod/seed.sql', null, 'x\n');
    const config = parseConfig('rules:\n  "database/*": { severity: low }\n  database/test-line: { severity: high }\n');
    const [finding] = analyze({ changes: { files: [prod] }, config, now: NOW, rules: [reportEveryLine] });
    expect(finding?.severity).toBe('critical');
    const [off] = analyze({
      changes: { files: [prod] },
      config: parseConfig('rules:\n  "database/*": { severity: off }\n'),
      now: NOW,
      rules: [reportEveryLine],
    });
    expect(off).toBeUndefined();
  });

  it('skips ignored files for every category but guard', () => {
    const docs = changedFile('docs/runbook.md', null, 'DELETE FROM sessions;\n');
    expect(analyze({ changes: { files: [docs] }, config: parseConfig(null), now: NOW, rules: [reportEveryLine] })).toEqual([]);
  });
});

describe('run', () => {
  it('reports what the source could not read as a blocking guard/too-large-to-verify, whatever the config says', async () => {
    const config = parseConfig('rules:\n  "guard/*": { severity: off }\n');
    const verdict = await run({ changes: { files: [], incomplete: ['3,214 files; GitHub lists at most 3,000'] }, config, now: NOW });
    expect(verdict.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['guard/too-large-to-verify:high']);
    expect(verdict.blocking).toBe(true);
  });
});
