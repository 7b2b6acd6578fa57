import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../../src/config/defaults.js';
import { parseConfig } from '../../../src/config/parse.js';
import { analyze } from '../../../src/core/analyze.js';
import { freezeWindow } from '../../../src/rules/timing/freeze-window.js';
import { changedFile } from '../../support/changes.js';

const code = changedFile('app/models/user.rb', 'class User\nend\n', 'class User\n  validates :email\nend\n');
const docs = changedFile('docs/runbook.md', 'old\n', 'new\n');

function timing(now: string, config: Config = DEFAULT_CONFIG, files = [code]) {
  return analyze({ changes: { files }, config, now: new Date(now), rules: [freezeWindow] });
}

describe('timing/freeze-window with the default windows (UTC)', () => {
  it.each([
    ['2026-11-18T16:00:00Z', 'Wednesday afternoon', false],
    ['2026-11-20T11:59:59Z', 'Friday just before noon', false],
    ['2026-11-20T12:00:00Z', 'Friday noon (from is inclusive)', true],
    ['2026-11-20T23:59:00Z', 'Friday night', true],
    ['2026-11-21T00:00:00Z', 'Saturday midnight', true],
    ['2026-11-22T23:59:00Z', 'Sunday night', true],
    ['2026-11-23T00:00:00Z', 'Monday midnight', false],
  ])('%s (%s) -> in freeze: %s', (now, _label, frozen) => {
    const findings = timing(now);
    expect(findings.length > 0).toBe(frozen);
    if (frozen)
      expect(findings[0]).toMatchObject({ rule: 'timing/freeze-window', category: 'timing', severity: 'high', path: null, line: null });
  });

  it('names the window and the local time', () => {
    expect(timing('2026-11-20T17:30:00Z')[0]?.message).toBe(
      'It is 17:30 on 2026-11-20 (UTC), inside the "Friday afternoon" freeze window.',
    );
  });

  it('does not fire for a change that only touches ignored files', () => {
    expect(timing('2026-11-21T10:00:00Z', DEFAULT_CONFIG, [docs])).toEqual([]);
  });
});

describe('timing/freeze-window in the team time zone', () => {
  const berlin = parseConfig('timezone: Europe/Berlin\n');
  it('uses local time: 11:30 UTC on Friday is 12:30 in Berlin (winter)', () => {
    expect(timing('2026-11-20T11:30:00Z', berlin)).toHaveLength(1);
    expect(timing('2026-11-20T11:30:00Z')).toHaveLength(0);
  });

  it('follows daylight saving: 10:30 UTC on a July Friday is 12:30 in Berlin', () => {
    expect(timing('2026-07-17T10:30:00Z', berlin)).toHaveLength(1);
  });

  it('starts the weekend at local midnight: Friday 23:30 UTC is Saturday in Berlin', () => {
    const weekendOnly = parseConfig('timezone: Europe/Berlin\nfreeze:\n  - name: Weekend\n    days: [sat, sun]\n');
    expect(timing('2026-11-20T23:30:00Z', weekendOnly)[0]?.message).toContain('"Weekend"');
    expect(timing('2026-11-20T22:30:00Z', weekendOnly)).toHaveLength(0);
  });
});

describe('timing/freeze-window with date ranges', () => {
  const yearEnd = parseConfig(
    'timezone: America/New_York\nfreeze:\n  - name: Year end\n    dates: ["2026-12-20..2027-01-03"]\n  - name: Launch day\n    dates: ["2026-11-25"]\n    from: "09:00"\n    to: "17:00"\n',
  );
  it.each([
    ['2026-12-20T05:00:00Z', true], // 00:00 local on the first day: both end days are included
    ['2026-12-20T04:59:00Z', false], // still the 19th in New York
    ['2027-01-04T04:59:00Z', true], // 23:59 local on the last day
    ['2027-01-04T05:00:00Z', false],
    ['2026-11-25T14:00:00Z', true], // 09:00 local, a one-day window with hours
    ['2026-11-25T22:00:00Z', false], // 17:00 local: `to` is exclusive
  ])('%s -> %s', (now, frozen) => {
    expect(timing(now, yearEnd).length > 0).toBe(frozen);
  });

  it('can be switched off with an empty list', () => {
    expect(timing('2026-11-21T10:00:00Z', parseConfig('freeze: []\n'))).toEqual([]);
  });
});
