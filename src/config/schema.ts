import { z } from 'zod';
import { SEVERITIES } from '../core/types.js';

// Schema v1 of `.github/two-key.yml`. Every key is optional; objects are strict so a
// misspelt key is an error that names it instead of a setting silently ignored.

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

const shown = (v: unknown): string => JSON.stringify(v) ?? String(v);

const clock = z.string({ error: (i) => `expected HH:MM, got ${shown(i.input)}` }).regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, {
  error: (i) => `expected HH:MM, got ${shown(i.input)}`,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string): boolean =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

const dateRange = z.string().refine(
  (s) => {
    const [from, to, ...rest] = s.split('..');
    if (rest.length > 0 || from === undefined) return false;
    if (!validDate(from)) return false;
    return to === undefined || (validDate(to) && to >= from);
  },
  { error: (i) => `expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (start <= end), got ${shown(i.input)}` },
);

const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: (i) => `expected an IANA time zone such as "Europe/Berlin", got ${shown(i.input)}` },
);

const freezeWindow = z
  .strictObject({
    name: z.string().min(1),
    days: z
      .array(z.enum(DAYS, { error: (i) => `expected one of ${DAYS.join(', ')}, got ${shown(i.input)}` }))
      .min(1)
      .optional(),
    from: clock.optional(),
    to: clock.optional(),
    dates: z.array(dateRange).min(1).optional(),
  })
  .refine((w) => w.days !== undefined || w.dates !== undefined, { error: 'a freeze window needs `days` or `dates`' })
  .refine((w) => w.from === undefined || w.to === undefined || w.from < w.to, {
    error: '`from` must be earlier than `to` (use two windows for one that crosses midnight)',
  });

const teamOrUser = z.string().regex(/^@?[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9._-]+)?$/, {
  error: (i) => `expected a GitHub login or @org/team, got ${shown(i.input)}`,
});

const approvalRule = z.strictObject({
  count: z.number().int().min(0).max(20),
  /** Users or `@org/team`s whose approval counts; empty means any qualified reviewer. */
  from: z.array(teamOrUser).optional(),
});

const ruleOverride = z.strictObject({
  severity: z
    .enum([...SEVERITIES, 'off'], { error: (i) => `expected one of ${[...SEVERITIES, 'off'].join(', ')}, got ${shown(i.input)}` })
    .optional(),
});

export const configSchema = z.strictObject({
  timezone: timezone.optional().describe('IANA time zone used by freeze windows (default UTC).'),
  mode: z
    .enum(['enforce', 'report'])
    .optional()
    .describe('enforce: the check fails until signed off; report: comment only (default enforce).'),
  ignore: z
    .array(z.string().min(1))
    .optional()
    .describe('Globs never analysed (default: Markdown and docs/). Guard rules still see every file.'),
  production: z
    .array(z.string().min(1))
    .optional()
    .describe('Globs of production-facing paths; a finding there is raised one severity level.'),
  rules: z
    .record(z.string().min(1), ruleOverride)
    .optional()
    .describe('Per-rule overrides by rule id or glob of ids, e.g. "database/*": { severity: critical }.'),
  freeze: z
    .array(freezeWindow)
    .optional()
    .describe('Risky windows (default: Friday 12:00-24:00 and the weekend). An empty list switches timing off.'),
  approvals: z
    .strictObject({
      high: approvalRule.optional(),
      critical: approvalRule.optional(),
    })
    .optional()
    .describe('Sign-offs required by the highest severity (default high: 1, critical: 2). Low and medium never block.'),
  /** When an approval given on an older commit stops counting. */
  stale: z
    .enum(['risky-files', 'any-push', 'never'])
    .optional()
    .describe('When an approval on an older commit stops counting (default risky-files).'),
  /** Context name of the commit status (the required check). */
  context: z.string().min(1).max(100).optional().describe('Context name of the commit status to make required (default two-key).'),
});

export type ConfigInput = z.infer<typeof configSchema>;
export type FreezeWindow = z.infer<typeof freezeWindow>;
export type ApprovalRule = z.infer<typeof approvalRule>;
