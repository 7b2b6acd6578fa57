import type { FileRule } from '../types.js';
import { operationRule } from './operation-rule.js';

/**
 * Commands that wipe or reset a whole database (rails db:drop, prisma migrate reset,
 * manage.py flush, redis-cli FLUSHALL...) added to a script, Makefile, Dockerfile, workflow
 * or package.json. Aimed at production, they are critical (operationSeverity).
 */
export const destructiveCommand: FileRule | null = operationRule({
  kind: 'destructive-command',
  meta: {
    id: 'database/destructive-command',
    severity: 'high',
    title: 'A command that drops, resets or flushes a database',
    why: 'Commands such as `rails db:reset`, `prisma migrate reset`, `manage.py flush` or `redis-cli FLUSHALL` delete every row (or key) of the database they reach. In a script, Makefile, Dockerfile or workflow they run unattended, and whichever database the environment points at, possibly production, is wiped.',
    fix: 'Keep reset commands out of shared scripts and automation, or guard them: refuse to run unless the target is a local or disposable database (check the host and `RAILS_ENV`/`NODE_ENV`), and never pass production credentials to the job. For schema changes, use migrations instead of reset or schema load.',
    examples: {
      bad: 'RAILS_ENV=production bin/rails db:reset',
      good: '[ "$RAILS_ENV" = development ] || { echo "refusing to reset $RAILS_ENV" >&2; exit 1; }\nbin/rails db:reset',
      language: 'sh',
    },
  },
  message: (op) => `\`${op.summary}\` wipes or resets the database it runs against`,
});
