import { beforeAll, describe, expect, it } from 'vitest';
import { destructiveCommand } from '../../../src/rules/database/destructive-command.js';
import { allRules } from '../../../src/rules/index.js';
import { loadParsers } from '../../../src/sql/parsers.js';
import { analyzeOnWednesday, changedFile } from '../../support/changes.js';

beforeAll(async () => {
  await loadParsers();
});

/** `severity rule@line` for the database findings of one changed file, through the real pipeline. */
function findings(path: string, before: string | null, after: string): string[] {
  return analyzeOnWednesday(changedFile(path, before, after))
    .filter((f) => f.category === 'database')
    .map((f) => `${f.severity} ${f.rule}@${f.line}`);
}

const RESET_SCRIPT = `#!/usr/bin/env bash
set -euo pipefail
# Usage: scripts/reset.sh  (never point this at production)
echo "Dropping the local database; use rails db:drop at your own risk"
bin/rails db:drop db:create
bin/rails db:migrate db:seed
`;

describe('database/destructive-command', () => {
  it('is registered with its metadata', () => {
    expect(destructiveCommand?.meta.id).toBe('database/destructive-command');
    expect(allRules).toContain(destructiveCommand);
  });

  const valid: Array<[string, string, string | null, string]> = [
    ['comments and echo only', 'scripts/notes.sh', null, '#!/bin/sh\n# rails db:drop\necho "rails db:reset"\n'],
    [
      'unchanged command, script re-indented',
      'scripts/reset.sh',
      RESET_SCRIPT,
      RESET_SCRIPT.replace('bin/rails db:drop db:create', '  bin/rails  db:drop   db:create'),
    ],
    ['dangerous line removed', 'scripts/reset.sh', RESET_SCRIPT, RESET_SCRIPT.replace('bin/rails db:drop db:create\n', '')],
    ['migrate and seed are not resets', 'Makefile', null, 'setup:\n\tbin/rails db:migrate db:seed\n'],
    ['a Markdown runbook is ignored', 'docs/runbook.md', null, '```sh\nRAILS_ENV=production bin/rails db:reset\n```\n'],
  ];
  it.each(valid)('valid: %s', (_name, path, before, after) => {
    expect(findings(path, before, after)).toEqual([]);
  });

  const invalid: Array<[string, string, string | null, string, string[]]> = [
    ['db:drop added to a reset script', 'scripts/reset.sh', null, RESET_SCRIPT, ['high database/destructive-command@5']],
    [
      'aimed at production by RAILS_ENV',
      'scripts/reset.sh',
      null,
      'RAILS_ENV=production bin/rails db:reset\n',
      ['critical database/destructive-command@1'],
    ],
    [
      'a workflow step in a production job',
      '.github/workflows/reset.yml',
      null,
      'on: workflow_dispatch\njobs:\n  reset:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: redis-cli FLUSHALL\n',
      ['critical database/destructive-command@7'],
    ],
    [
      'a package.json script',
      'package.json',
      '{ "scripts": {} }\n',
      '{\n  "scripts": {\n    "reset": "prisma migrate reset --force"\n  }\n}\n',
      ['high database/destructive-command@3'],
    ],
  ];
  it.each(invalid)('invalid: %s', (_name, path, before, after, expected) => {
    expect(findings(path, before, after)).toEqual(expected);
  });

  it('explains why and how to fix', () => {
    const [f] = analyzeOnWednesday(changedFile('bin/reset', null, 'rails db:reset\n'));
    expect(f?.message).toContain('rails db:reset');
    expect(f?.why).toMatch(/delete/);
    expect(f?.fix).toMatch(/local/);
  });
});
