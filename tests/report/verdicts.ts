import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import type { Finding } from '../../src/core/types.js';
import { decide, type ApprovalState, type Verdict } from '../../src/policy/decide.js';

// Verdicts as the pipeline produces them, for the renderer tests.

export const dropTable: Finding = {
  rule: 'database/drop-table',
  category: 'database',
  severity: 'high',
  path: 'db/migrate/20260301120000_drop_sessions.sql',
  line: 4,
  message: 'DROP TABLE sessions removes the table and all its rows.',
  why: 'Dropping a table deletes every row in it at once.',
  fix: 'Stop using the table, back it up, then drop it in a later migration.',
};

export const freeze: Finding = {
  rule: 'timing/freeze-window',
  category: 'timing',
  severity: 'high',
  path: null,
  line: null,
  message: 'Merging now falls in the freeze window "Friday afternoon".',
  why: 'Fewer people are around to notice a problem.',
  fix: 'Wait until Monday, or get a second sign-off.',
};

export const lowFinding = (i: number): Finding => ({
  rule: 'database/index-without-concurrently',
  category: 'database',
  severity: 'low',
  path: `db/migrate/2026030${i % 9}_index_${i}.sql`,
  line: i + 1,
  message: `CREATE INDEX idx_${i} locks writes to the table while it builds.`,
  why: 'A plain CREATE INDEX blocks writes for the whole build, which on a large table is minutes of failed requests.',
  fix: 'Use CREATE INDEX CONCURRENTLY outside a transaction.',
});

export function verdict(findings: Finding[], approvals?: Partial<ApprovalState>, mode: 'enforce' | 'report' = 'enforce'): Verdict {
  return decide(findings, { ...DEFAULT_CONFIG, mode }, { approvers: [], changesRequested: [], ignored: [], ...approvals });
}
