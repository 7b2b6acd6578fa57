import { describe, expect, it } from 'vitest';
import { batches, toCheckAnnotations, toWorkflowAnnotations } from '../../src/report/annotations.js';
import { dropTable, freeze, lowFinding } from './verdicts.js';

describe('annotations', () => {
  it('puts each finding with a file on its exact line, with why and fix', () => {
    expect(toCheckAnnotations([dropTable, lowFinding(2)])).toEqual([
      {
        path: 'db/migrate/20260301120000_drop_sessions.sql',
        start_line: 4,
        end_line: 4,
        annotation_level: 'failure',
        title: 'high: database/drop-table',
        message: `${dropTable.message}\n\nWhat can go wrong: ${dropTable.why}\nHow to make it safe: ${dropTable.fix}`,
      },
      expect.objectContaining({ path: 'db/migrate/20260302_index_2.sql', start_line: 3, annotation_level: 'notice' }),
    ]);
  });

  it('leaves PR-wide findings out of line annotations, and puts whole-file ones on line 1', () => {
    expect(toCheckAnnotations([freeze])).toEqual([]);
    expect(toCheckAnnotations([{ ...dropTable, line: null }])[0]).toMatchObject({ start_line: 1, end_line: 1 });
  });

  it('maps to workflow commands for the fallback, keeping PR-wide findings as plain annotations', () => {
    expect(toWorkflowAnnotations([dropTable, freeze])).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'db/migrate/20260301120000_drop_sessions.sql',
        startLine: 4,
        title: 'high: database/drop-table',
      }),
      expect.objectContaining({ level: 'error', title: 'high: timing/freeze-window' }),
    ]);
    expect(toWorkflowAnnotations([freeze])[0]).not.toHaveProperty('file');
  });

  it('batches 50 at a time (the check runs API limit)', () => {
    const sizes = batches(
      Array.from({ length: 123 }, (_, i) => i),
      50,
    ).map((b) => b.length);
    expect(sizes).toEqual([50, 50, 23]);
    expect(batches([], 50)).toEqual([]);
  });
});
