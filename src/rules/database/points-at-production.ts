import { hasResetOrSeedCommand, targetConfigKind } from '../../database/extract/commands/config-targets.js';
import type { FileRule, RuleMeta } from '../types.js';
import { newDbOperations } from './operations-of.js';

const meta: RuleMeta = {
  id: 'database/points-at-production',
  category: 'database',
  severity: 'high',
  title: 'A development, test or setup config points at a production database',
  why: 'Development, test and setup files are run by everyone, often on their first day, and often together with commands that reset or seed the database. Pointed at a production host, one `bin/setup` or `db:reset` wipes production.',
  fix: 'Point development and test settings at local or disposable databases (localhost, a container, a per-developer database). Keep production credentials out of the repository and out of developer machines; reach production only through the deployment pipeline.',
  examples: {
    bad: 'development:\n  host: prod-db.internal',
    good: 'development:\n  host: localhost',
    language: 'yaml',
  },
};

/**
 * A dev/test/setup config changed to point a database at production. When the same file
 * also resets or seeds a database, running it would wipe production: critical.
 */
export const pointsAtProduction: FileRule | null = {
  kind: 'file',
  meta,
  appliesTo: (path) => targetConfigKind(path) !== undefined,
  check(ctx) {
    const ops = newDbOperations(ctx).filter((op) => op.kind === 'points-at-production');
    if (ops.length === 0) return [];
    const reset = hasResetOrSeedCommand(ctx.file.after ?? '');
    return ops.map((op) => ({
      line: op.line,
      severity: reset ? 'critical' : 'high',
      message: `${op.summary} points a development/test/setup database at production${reset ? ', and this file also resets or seeds a database' : ''}.`,
    }));
  },
};
