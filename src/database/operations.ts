// Every database source (SQL files, ORM migrations, shell commands...) is reduced to the
// same list of operations, so one rule per operation kind covers every framework, and the
// before/after comparison happens once, on operations rather than on lines.

export type DbOperationKind =
  | 'drop-table'
  | 'drop-database'
  | 'drop-schema'
  | 'drop-view'
  | 'truncate'
  | 'delete-without-where'
  | 'update-without-where'
  | 'tautological-where'
  | 'drop-column'
  | 'rename'
  | 'alter-column-type'
  | 'drop-owned-or-cascade'
  | 'dynamic-destructive-sql'
  | 'set-not-null'
  | 'volatile-default'
  | 'index-without-concurrently'
  | 'constraint-without-not-valid'
  /** A command that wipes or resets a database (rails db:drop, FLUSHALL, prisma migrate reset...). */
  | 'destructive-command'
  /** A dev/test/setup config or script changed to point at a production host. */
  | 'points-at-production';

export interface DbOperation {
  kind: DbOperationKind;
  /** 1-based line in the text the operation was extracted from. */
  line: number;
  /** What a person would recognise: `DROP TABLE users`, `remove_column :users, :email`. */
  summary: string;
  /**
   * Identity for the before/after comparison: two operations with the same fingerprint are
   * the same operation, whatever their line, whitespace, comments or letter case.
   */
  fingerprint: string;
  /** Which extractor found it: `postgres`, `sql-text` (fallback), `rails`, `django`, `shell`... */
  source: string;
  /** Runs only on rollback (down migration): at most `low`. */
  rollback: boolean;
  /** Escalations an extractor knows about. */
  cascade?: boolean;
  /** The operation is aimed at production (host, URL, env var): critical. */
  production?: boolean;
  /** Shown to the user, e.g. that the text fallback was used because the grammar rejected the file. */
  note?: string;
}

/**
 * The operations of `after` that are not in `before`, compared as multisets by fingerprint:
 * an unchanged statement is context, a moved or re-indented one is the same statement,
 * and a removed one is not a risk.
 */
export function newOperations(before: readonly DbOperation[], after: readonly DbOperation[]): DbOperation[] {
  const remaining = new Map<string, number>();
  for (const op of before) remaining.set(op.fingerprint, (remaining.get(op.fingerprint) ?? 0) + 1);
  const out: DbOperation[] = [];
  for (const op of after) {
    const n = remaining.get(op.fingerprint) ?? 0;
    if (n > 0) remaining.set(op.fingerprint, n - 1);
    else out.push(op);
  }
  return out;
}
