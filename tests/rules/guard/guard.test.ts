import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import { analyze } from '../../../src/core/analyze.js';
import type { ChangedFile } from '../../../src/changes/model.js';
import { guardRules } from '../../../src/rules/guard/index.js';
import { changedFile } from '../../support/changes.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const run = (...files: ChangedFile[]) =>
  analyze({ changes: { files }, config: DEFAULT_CONFIG, now: new Date('2026-11-18T10:00:00Z'), rules: guardRules });
const ids = (...files: ChangedFile[]) => run(...files).map((f) => `${f.rule}@${f.line}:${f.severity}`);

const config = fixture('two-key.yml');
const workflow = fixture('workflow.yml');
const ci = fixture('ci.yml');
const owners = fixture('CODEOWNERS');

describe('guard/config-change', () => {
  it.each<[string, ChangedFile, string[]]>([
    ['adding the config', changedFile('.github/two-key.yml', null, config), ['guard/config-change@1:high']],
    [
      'loosening the config',
      changedFile('.github/two-key.yml', config, config.replace('count: 2', 'count: 0')),
      ['guard/config-change@1:high'],
    ],
    ['deleting the config', changedFile('.github/two-key.yml', config, null), ['guard/config-change@null:high']],
    ['the .yaml spelling', changedFile('.github/two-key.yaml', null, 'mode: report\n'), ['guard/config-change@1:high']],
    ['a comment edit', changedFile('.github/two-key.yml', config, config.replace('payments monorepo', 'payments repo')), []],
    [
      'a key reorder and re-indent',
      changedFile(
        '.github/two-key.yml',
        config,
        config.replace(/approvals:[\s\S]*/, 'approvals:\n    high: { count: 1 }\n    critical: {from: ["@acme/dba"], count: 2}\n'),
      ),
      [],
    ],
    ['a file with a similar name', changedFile('docs/two-key.yml', null, config), []],
  ])('%s', (_name, file, expected) => {
    expect(ids(file)).toEqual(expected);
  });
});

describe('guard/workflow-change', () => {
  it.each<[string, ChangedFile, string[]]>([
    [
      'adding continue-on-error to the gate',
      changedFile(
        '.github/workflows/two-key.yml',
        workflow,
        workflow.replace('      - uses: two-key/two-key@v1\n', '      - uses: two-key/two-key@v1\n        continue-on-error: true\n'),
      ),
      ['guard/workflow-change@22:high'],
    ],
    ['deleting the gate workflow', changedFile('.github/workflows/two-key.yml', workflow, null), ['guard/workflow-change@null:high']],
    [
      'removing the step',
      changedFile('.github/workflows/two-key.yml', workflow, workflow.replace(/ {6}# Never[\s\S]*/, '      - run: echo skipped\n')),
      ['guard/workflow-change@null:high'],
    ],
    [
      'a comment-only edit',
      changedFile('.github/workflows/two-key.yml', workflow, workflow.replace('Never check out', 'Do not check out')),
      [],
    ],
    [
      'a workflow that does not run two-key',
      changedFile('.github/workflows/ci.yml', ci, ci.replace('npm test', 'npm test -- --coverage')),
      [],
    ],
    ['a workflow that mentions two-key only in a comment', changedFile('.github/workflows/ci.yml', null, ci), []],
  ])('%s', (_name, file, expected) => {
    expect(ids(file)).toEqual(expected);
  });
});

describe('guard/codeowners', () => {
  it.each<[string, ChangedFile, string[]]>([
    [
      'dropping the DBA owners',
      changedFile('.github/CODEOWNERS', owners, owners.replace('/db/migrate/   @acme/dba\n', '')),
      ['guard/codeowners@2:medium'],
    ],
    [
      'a comment edit and re-spacing',
      changedFile(
        'CODEOWNERS',
        owners,
        owners.replace('need the DBAs', 'need a DBA').replace('/infra/        @acme/platform', '/infra/ @acme/platform'),
      ),
      [],
    ],
    [
      'docs/CODEOWNERS is checked even though docs/** is ignored',
      changedFile('docs/CODEOWNERS', null, owners),
      ['guard/codeowners@1:medium'],
    ],
  ])('%s', (_name, file, expected) => {
    expect(ids(file)).toEqual(expected);
  });
});
