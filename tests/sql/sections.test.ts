// Rollback code runs only when someone rolls back on purpose: the engine marks it so the
// rules can cap its severity. Two shapes: a down section inside a file, and a down-only file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSqlOperations, sqlExtractor } from '../../src/database/extract/sql.js';
import { loadParsers } from '../../src/sql/parsers.js';
import { downSectionLines, isRollbackPath } from '../../src/sql/sections.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

beforeAll(async () => {
  await loadParsers();
});

describe('down sections inside a file', () => {
  it('dbmate: lines after -- migrate:down', () => {
    const down = downSectionLines(fixture('dbmate.sql'));
    expect([2, 3, 6, 7].map(down)).toEqual([false, false, true, true]);
  });

  it('goose: lines after -- +goose Down', () => {
    const down = downSectionLines(fixture('goose.sql'));
    expect([3, 10].map(down)).toEqual([false, true]);
  });

  it('sql-migrate, and an up section after a down one', () => {
    const text = '-- +migrate Down\nDROP TABLE a;\n-- +migrate Up\nDROP TABLE b;\n';
    const down = downSectionLines(text);
    expect([2, 4].map(down)).toEqual([true, false]);
  });

  it('a file without markers has no down section, even if it says "down" elsewhere', () => {
    const down = downSectionLines('-- scale down the workers first\nDROP TABLE a;\n');
    expect(down(2)).toBe(false);
  });

  it('marks the operations of the down section as rollback, and only those', () => {
    const ops = extractSqlOperations(fixture('dbmate.sql'));
    expect(ops.map((o) => `${o.line} ${o.kind} rollback=${o.rollback}`)).toEqual(['7 drop-column rollback=true']);
    const upDrop = extractSqlOperations('-- migrate:up\nALTER TABLE users DROP COLUMN nickname;\n-- migrate:down\n');
    expect(upDrop.map((o) => o.rollback)).toEqual([false]);
  });
});

describe('rollback-only files', () => {
  it.each([
    ['db/migrations/000042_drop_legacy.down.sql', true],
    ['migrations/2024-06-12-093000_drop_legacy/down.sql', true],
    ['db/migration/U7__drop_legacy.sql', true],
    ['db/migration/U1.2__undo.sql', true],
    ['db/migrations/000042_drop_legacy.up.sql', false],
    ['db/migration/V7__drop_legacy.sql', false],
    ['db/migrations/20240612_markdown.sql', false],
    ['sql/countdown.sql', false],
  ])('%s -> %s', (path, expected) => {
    expect(isRollbackPath(path)).toBe(expected);
  });

  it('the SQL extractor marks every operation of a .down.sql file as rollback', () => {
    const ops = sqlExtractor.extract('DROP TABLE legacy_invoices;\n', 'db/migrations/000042_drop_legacy.down.sql');
    expect(ops.map((o) => o.rollback)).toEqual([true]);
    const up = sqlExtractor.extract('DROP TABLE legacy_invoices;\n', 'db/migrations/000042_drop_legacy.up.sql');
    expect(up.map((o) => o.rollback)).toEqual([false]);
  });
});
