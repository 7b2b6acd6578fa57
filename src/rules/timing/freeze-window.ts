import type { FreezeWindow } from '../../config/schema.js';
import type { PullRule } from '../types.js';
import { clockToMinutes, localTime, type LocalTime } from './local-time.js';

/**
 * Whether `t` falls in the window. Edges per design.md: `from` inclusive, `to` exclusive,
 * "24:00" is the end of the day; `dates` ranges include both end days.
 */
export function inWindow(window: FreezeWindow, t: LocalTime): boolean {
  if (window.days && !window.days.includes(t.day)) return false;
  if (window.dates) {
    const hit = window.dates.some((range) => {
      const [from, to = from] = range.split('..') as [string, string?];
      return t.date >= from && t.date <= to;
    });
    if (!hit) return false;
  }
  const from = window.from === undefined ? 0 : clockToMinutes(window.from);
  const to = window.to === undefined ? 24 * 60 : clockToMinutes(window.to);
  return t.minutes >= from && t.minutes < to;
}

export const freezeWindow: PullRule = {
  kind: 'pull',
  meta: {
    id: 'timing/freeze-window',
    category: 'timing',
    severity: 'high',
    title: 'Change merged inside a freeze window',
    why: 'Changes merged late on a Friday, at a weekend or in a holiday freeze land when fewer people are around to notice and roll back a problem, so a small mistake can become a long outage.',
    fix: 'Wait until the window closes, or have a second person sign off who agrees it must ship now and will be around to watch it.',
    examples: {
      bad: 'Merging a migration at 17:30 on a Friday (default freeze: Friday 12:00-24:00).',
      good: 'Merging it on Tuesday morning, or with a second approval during the freeze.',
      language: 'text',
    },
  },
  check(ctx) {
    // A PR that only touches ignored files (docs) is not a deploy risk.
    if (ctx.files.length === 0) return [];
    const t = localTime(ctx.now, ctx.config.timezone);
    return ctx.config.freeze
      .filter((w) => inWindow(w, t))
      .slice(0, 1)
      .map((w) => ({
        line: null,
        message: `It is ${t.clock} on ${t.date} (${ctx.config.timezone}), inside the "${w.name}" freeze window.`,
      }));
  },
};
