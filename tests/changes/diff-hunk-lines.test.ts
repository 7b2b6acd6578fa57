// A removed SQL comment is a hunk line that starts with "---": the diff parser must not take
// it for the next file's header, however it skims the lines inside hunks.
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../src/changes/diff.js';

const diff = [
  'diff --git a/db/migrate/002_cleanup.sql b/db/migrate/002_cleanup.sql',
  'index 1111111..2222222 100644',
  '--- a/db/migrate/002_cleanup.sql',
  '+++ b/db/migrate/002_cleanup.sql',
  '@@ -1,4 +1,4 @@',
  '--- drop the old table once the backfill is done',
  '+-- keep the old table until the backfill is done',
  ' ALTER TABLE orders ADD COLUMN total_cents bigint;',
  '--- DROP TABLE orders_old;',
  '+++ nothing here is a header either',
  ' SELECT 1;',
  'diff --git a/db/migrate/003_more.sql b/db/migrate/003_more.sql',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/db/migrate/003_more.sql',
  '@@ -0,0 +1,2 @@',
  '+-- deleted rows are archived first',
  '+DELETE FROM sessions WHERE expires_at < now();',
  '',
].join('\n');

describe('hunk lines that look like headers', () => {
  const files = parseUnifiedDiff(diff);

  it('keeps the files apart', () => {
    expect(files.map((f) => `${f.status} ${f.path}`)).toEqual(['modified db/migrate/002_cleanup.sql', 'added db/migrate/003_more.sql']);
  });

  it('reads removed "-- comment" lines as deletions of that file', () => {
    const [cleanup] = files;
    expect(cleanup?.before?.split('\n')).toEqual([
      '-- drop the old table once the backfill is done',
      'ALTER TABLE orders ADD COLUMN total_cents bigint;',
      '-- DROP TABLE orders_old;',
      'SELECT 1;',
    ]);
    expect(cleanup?.after?.split('\n')).toEqual([
      '-- keep the old table until the backfill is done',
      'ALTER TABLE orders ADD COLUMN total_cents bigint;',
      '++ nothing here is a header either',
      'SELECT 1;',
    ]);
  });

  it('gives the next file its own hunks and lines', () => {
    expect(files[1]?.after).toBe('-- deleted rows are archived first\nDELETE FROM sessions WHERE expires_at < now();');
    expect(files[1]?.hunks[0]?.lines.map((l) => l.newLine)).toEqual([1, 2]);
  });
});
