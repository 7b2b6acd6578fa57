import type { DbOperationKind } from '../database/operations.js';

/** One risky thing a statement does, before it is placed in its file (line, fingerprint...). */
export interface SqlOp {
  kind: DbOperationKind;
  /** What a person recognises: `DROP TABLE users`. */
  summary: string;
  /** Tells apart several operations of one statement (the column name, the table...). */
  detail: string;
  cascade?: boolean;
  /** The table touched, lower-cased without schema: a table created earlier in the same file is not "existing". */
  table?: string;
  /** For DROP INDEX: an index created earlier in the same file is not on an existing table. */
  index?: string;
  note?: string;
  /** Line in the scanned text when it differs from the statement's (a statement inside a procedure body). */
  line?: number;
}

/** Kinds that only matter on a table that already holds rows. */
export const EXISTING_TABLE_KINDS: ReadonlySet<DbOperationKind> = new Set<DbOperationKind>([
  'drop-table',
  'truncate',
  'delete-without-where',
  'update-without-where',
  'tautological-where',
  'drop-column',
  'rename',
  'alter-column-type',
  'set-not-null',
  'volatile-default',
  'index-without-concurrently',
  'constraint-without-not-valid',
]);

/** Advice that only applies to PostgreSQL (CONCURRENTLY, NOT VALID, table rewrites). */
export const POSTGRES_ONLY_KINDS: ReadonlySet<DbOperationKind> = new Set<DbOperationKind>([
  'index-without-concurrently',
  'constraint-without-not-valid',
  'volatile-default',
  'set-not-null',
]);

/** Kinds that destroy or hide data: what dynamic SQL is flagged for building. */
export const DESTRUCTIVE_KINDS: ReadonlySet<DbOperationKind> = new Set<DbOperationKind>([
  'drop-table',
  'drop-database',
  'drop-schema',
  'drop-view',
  'truncate',
  'delete-without-where',
  'update-without-where',
  'tautological-where',
  'drop-column',
  'drop-owned-or-cascade',
]);

/**
 * Functions whose value differs per row, so `ADD COLUMN ... DEFAULT f()` rewrites the whole
 * table under an exclusive lock. now()/current_timestamp are STABLE: PostgreSQL 11+ stores
 * their one value in the catalog without a rewrite, so they are deliberately not listed.
 */
export const VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set([
  'random',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'clock_timestamp',
  'timeofday',
  'statement_timestamp',
  'nextval',
  'txid_current',
  'setseed',
]);

/** Table key used for the "created in this file" check: last name part, lower-cased. */
export function tableKey(name: string): string {
  const parts = name.split('.');
  return (parts[parts.length - 1] ?? name).toLowerCase();
}
