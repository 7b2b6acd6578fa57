import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { ConfigError, keyPath, parseConfig } from '../../src/config/parse.js';

function problems(text: string): string[] {
  try {
    parseConfig(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const FULL = `
timezone: Europe/Berlin
mode: report
ignore: ["docs/**", "**/*.md"]
production: ["deploy/prod/**"]
rules:
  "database/*": { severity: critical }
  guard/codeowners: { severity: off }
freeze:
  - name: Friday afternoon
    days: [fri]
    from: "12:00"
    to: "24:00"
  - name: Weekend
    days: [sat, sun]
  - name: Year end
    dates: ["2026-12-20..2027-01-03"]
approvals:
  critical: { count: 2, from: ["@acme/dba", "alice"] }
  high: { count: 1 }
stale: any-push
`;

describe('parseConfig', () => {
  it('uses the defaults when there is no file, or an empty one', () => {
    expect(parseConfig(null)).toEqual(DEFAULT_CONFIG);
    expect(parseConfig('')).toEqual(DEFAULT_CONFIG);
    expect(parseConfig('# nothing set yet\n')).toEqual(DEFAULT_CONFIG);
  });

  it('reads the full example from design.md', () => {
    const c = parseConfig(FULL);
    expect(c.timezone).toBe('Europe/Berlin');
    expect(c.mode).toBe('report');
    expect(c.freeze).toHaveLength(3);
    expect(c.approvals.critical).toEqual({ count: 2, from: ['@acme/dba', 'alice'] });
    expect(c.rules['guard/codeowners']).toEqual({ severity: 'off' });
    expect(c.stale).toBe('any-push');
  });

  it('replaces a default with the key that is set, and keeps the others', () => {
    const c = parseConfig('ignore: ["vendor/**"]\napprovals:\n  high: { count: 2 }\n');
    expect(c.ignore).toEqual(['vendor/**']);
    expect(c.production).toEqual(DEFAULT_CONFIG.production);
    expect(c.approvals.high.count).toBe(2);
    // Setting only `high` must not silently drop the two sign-offs for `critical`.
    expect(c.approvals.critical.count).toBe(2);
  });

  it('allows an empty freeze list to switch timing off', () => {
    expect(parseConfig('freeze: []\n').freeze).toEqual([]);
  });
});

describe('parseConfig errors name the key and the problem', () => {
  it.each([
    [
      'freeze:\n  - name: a\n    days: [fri]\n  - name: b\n    days: [sat]\n    from: "25:00"\n',
      'freeze[1].from: expected HH:MM, got "25:00"',
    ],
    ['freeze:\n  - name: a\n    days: [friday]\n', 'freeze[0].days[0]: expected one of mon, tue, wed, thu, fri, sat, sun, got "friday"'],
    ['freeze:\n  - name: a\n', 'freeze[0]: a freeze window needs `days` or `dates`'],
    ['freeze:\n  - name: a\n    days: [fri]\n    from: "18:00"\n    to: "09:00"\n', 'freeze[0]: `from` must be earlier than `to`'],
    ['freeze:\n  - name: a\n    dates: ["2026-13-01"]\n', 'freeze[0].dates[0]: expected YYYY-MM-DD'],
    [
      'freeze:\n  - name: a\n    dates: ["2027-01-03..2026-12-20"]\n',
      'freeze[0].dates[0]: expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (start <= end)',
    ],
    ['timezone: Mars/Olympus\n', 'timezone: expected an IANA time zone'],
    ['mode: strict\n', 'mode: '],
    ['aprovals:\n  high: { count: 1 }\n', 'aprovals: unknown key'],
    ['approvals:\n  medium: { count: 1 }\n', 'approvals.medium: unknown key'],
    ['approvals:\n  high: { count: -1 }\n', 'approvals.high.count: '],
    ['approvals:\n  high: { count: 1, from: ["not a team!"] }\n', 'approvals.high.from[0]: expected a GitHub login or @org/team'],
    [
      'rules:\n  "database/*": { severity: severe }\n',
      'rules["database/*"].severity: expected one of low, medium, high, critical, off, got "severe"',
    ],
    ['ignore: "docs/**"\n', 'ignore: expected array, got "docs/**"'],
    ['approvals:\n  high: { count: "two" }\n', 'approvals.high.count: expected number, got "two"'],
    ['freeze:\n  - days: [fri]\n', 'freeze[0].name: required'],
    ['- just\n- a list\n', '(top level): '],
  ])('%j', (text, expected) => {
    expect(problems(text).join('\n')).toContain(expected);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems('mode: enforce\nfreeze: [\n')[0]).toMatch(/^line \d+: /);
  });

  it('reports duplicate keys instead of taking the last one', () => {
    expect(problems('mode: enforce\nmode: report\n')[0]).toMatch(/line 2/);
  });

  it('names the source file in the message', () => {
    expect(() => parseConfig('mode: 3', '.github/two-key.yml (at base abc)')).toThrow(
      /\.github\/two-key\.yml \(at base abc\) is not a valid Two-Key config/,
    );
  });
});

describe('keyPath', () => {
  it('writes paths the way a person types them', () => {
    expect(keyPath(['freeze', 1, 'from'])).toBe('freeze[1].from');
    expect(keyPath(['rules', 'database/*', 'severity'])).toBe('rules["database/*"].severity');
    expect(keyPath([])).toBe('(top level)');
  });
});
