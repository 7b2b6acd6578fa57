import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/core/redact.js';
import { analyze } from '../../src/core/analyze.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import type { FileRule } from '../../src/rules/types.js';
import { changedFile } from '../support/changes.js';

describe('redactSecrets', () => {
  it.each([
    [
      'export DATABASE_URL=postgres://app:s3cret@db-prod-1.shop.internal:5432/shop',
      'export DATABASE_URL=postgres://app:***@db-prod-1.shop.internal:5432/shop',
    ],
    ['mysql://root:p%40ss@prod-db/app and redis://:hunter2@cache', 'mysql://root:***@prod-db/app and redis://:***@cache'],
    ['PGPASSWORD=hunter2 psql -h prod-db -c "TRUNCATE users"', 'PGPASSWORD=*** psql -h prod-db -c "TRUNCATE users"'],
    ['DB_PASSWORD: "correct horse" and API_TOKEN=abc123', 'DB_PASSWORD: *** and API_TOKEN=***'],
    ['mysql --password=hunter2 -h prod', 'mysql --password=*** -h prod'],
    ['DROP TABLE users removes the table and all its rows', 'DROP TABLE users removes the table and all its rows'],
    ['postgres://user@localhost/app has no password', 'postgres://user@localhost/app has no password'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });
});

describe('analyze redacts every finding message', () => {
  it('never copies a pasted credential into a finding', () => {
    const echo: FileRule = {
      kind: 'file',
      meta: { id: 'database/test-echo', category: 'database', severity: 'high', title: 't', why: 'w', fix: 'f' },
      appliesTo: () => true,
      check: ({ file }) => [{ line: 1, message: `saw ${file.after ?? ''}` }],
    };
    const file = changedFile('scripts/setup.sh', null, 'DATABASE_URL=postgres://app:s3cret@prod-db/app');
    const [finding] = analyze({ changes: { files: [file] }, config: DEFAULT_CONFIG, now: new Date('2026-11-18T10:00:00Z'), rules: [echo] });
    expect(finding?.message).toBe('saw DATABASE_URL=postgres://app:***@prod-db/app');
  });
});
