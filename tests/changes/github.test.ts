import { describe, expect, it } from 'vitest';
import {
  buildChangeSet,
  planContents,
  reverseApply,
  type ApiBlob,
  type ApiFile,
  type GitHubChangeInput,
} from '../../src/changes/github.js';
import { parseHunks } from '../../src/changes/diff.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);

const MIGRATION_BEFORE = `-- Orders: nightly cleanup
CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL);
CREATE INDEX orders_placed_at ON orders (placed_at);
GRANT SELECT ON orders TO reporting;
`;
const MIGRATION_AFTER = `-- Orders: nightly cleanup
CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL);
DELETE FROM orders;
CREATE INDEX orders_placed_at ON orders (placed_at);
GRANT SELECT ON orders TO reporting;
`;
// What GitHub's files API sends for that change.
const MIGRATION_PATCH = `@@ -1,4 +1,5 @@
 -- Orders: nightly cleanup
 CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL);
+DELETE FROM orders;
 CREATE INDEX orders_placed_at ON orders (placed_at);
 GRANT SELECT ON orders TO reporting;`;

const wantsSql = (path: string): boolean => path.endsWith('.sql');

function input(files: ApiFile[], extra: Partial<GitHubChangeInput> = {}): GitHubChangeInput {
  return { files, totalFiles: files.length, listLimit: 3000, headSha: HEAD, baseSha: BASE, wants: wantsSql, ...extra };
}

const text = (t: string): ApiBlob => ({ text: t, isBinary: false, isTruncated: false });

describe('reverseApply', () => {
  it('rebuilds the base version from the head version and the patch', () => {
    expect(reverseApply(MIGRATION_AFTER, parseHunks(MIGRATION_PATCH))).toBe(MIGRATION_BEFORE);
  });

  it('handles several hunks, deletions at the end and CRLF files', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\r\n') + '\r\n';
    const afterLines = before.split('\r\n');
    afterLines.splice(2, 1, 'line 3 changed');
    afterLines.splice(18, 2);
    const after = afterLines.join('\r\n');
    const patch = `@@ -1,5 +1,5 @@\n line 1\n line 2\n-line 3\n+line 3 changed\n line 4\n line 5\n@@ -16,5 +16,3 @@\n line 16\n line 17\n line 18\n-line 19\n-line 20\n`;
    expect(reverseApply(after, parseHunks(patch))?.replace(/\r/g, '')).toBe(before.replace(/\r/g, '').replace(/\n$/, '') + '\n');
  });

  it('returns null when the patch does not fit the text', () => {
    expect(reverseApply('something else entirely\n', parseHunks(MIGRATION_PATCH))).toBeNull();
  });
});

describe('planContents and buildChangeSet', () => {
  const files: ApiFile[] = [
    { filename: 'db/migrate/001_orders.sql', previousFilename: null, status: 'modified', patch: MIGRATION_PATCH },
    {
      filename: 'app/models/order.rb',
      previousFilename: null,
      status: 'modified',
      patch: '@@ -1 +1 @@\n-class Order\n+class Order # comment',
    },
    {
      filename: 'db/migrate/000_old.sql',
      previousFilename: null,
      status: 'removed',
      patch: '@@ -1,2 +0,0 @@\n-DROP TABLE legacy;\n-SELECT 1;',
    },
    { filename: 'db/seeds/logo.sql', previousFilename: null, status: 'added', patch: null },
  ];

  it('fetches only the head text of files a rule wants, never deleted files with a patch', () => {
    expect(planContents(input(files)).expressions).toEqual([`${HEAD}:db/migrate/001_orders.sql`, `${HEAD}:db/seeds/logo.sql`]);
  });

  it('fills in full texts, keeps others patch-only, and marks binaries', () => {
    const blobs = new Map<string, ApiBlob | null>([
      [`${HEAD}:db/migrate/001_orders.sql`, text(MIGRATION_AFTER)],
      [`${HEAD}:db/seeds/logo.sql`, { text: null, isBinary: true, isTruncated: false }],
    ]);
    const set = buildChangeSet(input(files), blobs);
    expect(set.incomplete).toBeUndefined();
    const [migration, model, deleted, binary] = set.files;
    expect(migration).toMatchObject({
      path: 'db/migrate/001_orders.sql',
      status: 'modified',
      before: MIGRATION_BEFORE,
      after: MIGRATION_AFTER,
      partial: false,
    });
    expect(model).toMatchObject({ path: 'app/models/order.rb', partial: true });
    expect(deleted).toMatchObject({ status: 'deleted', before: 'DROP TABLE legacy;\nSELECT 1;', after: null, partial: false });
    expect(binary).toMatchObject({ binary: true, before: null, after: null });
  });

  it('names what it could not read instead of passing silently', () => {
    const big: ApiFile = { filename: 'db/migrate/002_backfill.sql', previousFilename: null, status: 'modified', patch: null };
    const set = buildChangeSet(
      input([files[0] as ApiFile, big]),
      new Map([[`${HEAD}:db/migrate/002_backfill.sql`, text('UPDATE users SET plan = 1;\n')]]),
    );
    expect(set.incomplete).toEqual([
      'GitHub sent no diff for (too large to show): db/migrate/002_backfill.sql',
      'could not read the full text of: db/migrate/001_orders.sql',
    ]);
  });

  it('reports a patch that does not match the head text', () => {
    const set = buildChangeSet(input([files[0] as ApiFile]), new Map([[`${HEAD}:db/migrate/001_orders.sql`, text('SELECT 1;\n')]]));
    expect(set.incomplete).toEqual(['the diff did not match the head version of: db/migrate/001_orders.sql']);
  });

  it('reports files beyond what the files API lists', () => {
    const set = buildChangeSet(input([files[1] as ApiFile], { totalFiles: 3500 }), new Map());
    expect(set.incomplete).toEqual(['the pull request changes 3500 files and GitHub lists only the first 1']);
  });

  it('a list at the cap with no file count to compare counts as cut short', () => {
    const set = buildChangeSet(input([files[1] as ApiFile], { totalFiles: null, listLimit: 1 }), new Map());
    expect(set.incomplete).toEqual(['GitHub lists at most 1 files and this pull request reached that limit']);
    expect(buildChangeSet(input([files[1] as ApiFile], { totalFiles: null, listLimit: 3000 }), new Map()).incomplete).toBeUndefined();
  });

  it('a mode change (status changed, no patch) is not a missing diff', () => {
    const chmod: ApiFile = { filename: 'db/migrate/004_run.sql', previousFilename: null, status: 'changed', patch: null };
    const set = buildChangeSet(input([chmod]), new Map([[`${HEAD}:db/migrate/004_run.sql`, text('SELECT 1;\n')]]));
    expect(set.files[0]).toMatchObject({ before: 'SELECT 1;\n', after: 'SELECT 1;\n', partial: false });
    expect(set.incomplete).toBeUndefined();
  });

  it('a pure rename keeps its text on both sides', () => {
    const rename: ApiFile = {
      filename: 'db/migrate/003_new_name.sql',
      previousFilename: 'db/migrate/003_old_name.sql',
      status: 'renamed',
      patch: null,
    };
    const set = buildChangeSet(input([rename]), new Map([[`${HEAD}:db/migrate/003_new_name.sql`, text('SELECT 1;\n')]]));
    expect(set.files[0]).toMatchObject({
      status: 'renamed',
      oldPath: 'db/migrate/003_old_name.sql',
      before: 'SELECT 1;\n',
      after: 'SELECT 1;\n',
    });
    expect(set.incomplete).toBeUndefined();
  });
});
