import type { Severity } from '../../core/types.js';
import type { DbOperation, DbOperationKind } from '../../database/operations.js';
import type { FileRule, RuleMeta } from '../types.js';
import { hasDatabaseExtractor, newDbOperations } from './operations-of.js';
import { operationSeverity } from './severity.js';

export interface OperationRuleSpec {
  kind: DbOperationKind;
  meta: Omit<RuleMeta, 'category'>;
  /** The finding's message for one operation: names the object and says what happens to it. */
  message(op: DbOperation): string;
}

/** The finding message's tail: where the operation came from when that changes how to read it. */
function qualifiers(op: DbOperation): string {
  const parts: string[] = [];
  if (op.rollback) parts.push('rollback section only: runs when the migration is rolled back');
  if (op.production === true) parts.push('aimed at production');
  if (op.note !== undefined) parts.push(op.note);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** A database rule: one operation kind, reported for every new operation of that kind in the file. */
export function operationRule(spec: OperationRuleSpec): FileRule {
  const meta: RuleMeta = { ...spec.meta, category: 'database' };
  const base: Severity = meta.severity;
  return {
    kind: 'file',
    meta,
    appliesTo: hasDatabaseExtractor,
    check(ctx) {
      return newDbOperations(ctx)
        .filter((op) => op.kind === spec.kind)
        .map((op) => ({ line: op.line, message: `${spec.message(op)}${qualifiers(op)}.`, severity: operationSeverity(op, base) }));
    },
  };
}
