import { raiseSeverity, severityRank, type Severity } from '../../core/types.js';
import type { DbOperation, DbOperationKind } from '../../database/operations.js';

/** CASCADE reaches past the named object: TRUNCATE ... CASCADE empties every referencing table, DROP SCHEMA ... CASCADE every table in it. */
const CASCADE_ESCALATES: ReadonlySet<DbOperationKind> = new Set<DbOperationKind>(['truncate', 'drop-schema']);

/**
 * The one place an operation's severity is decided, so every database rule agrees:
 * aimed at production: critical; a CASCADE that reaches other tables: one level up;
 * a rollback-only operation (down migration): at most low, because it runs only when
 * someone deliberately rolls back.
 */
export function operationSeverity(op: DbOperation, base: Severity): Severity {
  let severity = base;
  if (op.cascade === true && CASCADE_ESCALATES.has(op.kind)) severity = raiseSeverity(severity);
  if (op.production === true) severity = 'critical';
  if (op.rollback && severityRank(severity) > severityRank('low')) severity = 'low';
  return severity;
}
