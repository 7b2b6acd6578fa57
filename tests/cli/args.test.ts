import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it('parses every option of check, in both --opt value and --opt=value forms', () => {
    expect(
      parseArgs([
        'check',
        '--base',
        'main',
        '--head=feature',
        '--config',
        'ci/two-key.yml',
        '--format=json',
        '--now',
        '2026-11-20T16:30:00Z',
      ]),
    ).toEqual({
      command: 'check',
      base: 'main',
      head: 'feature',
      diff: undefined,
      config: 'ci/two-key.yml',
      format: 'json',
      now: new Date('2026-11-20T16:30:00Z'),
    });
  });

  it('defaults to text output and the real clock', () => {
    expect(parseArgs(['check'])).toMatchObject({ format: 'text', now: undefined, base: undefined });
  });

  it.each([
    [[], { command: 'help', topic: 'main' }],
    [['--help'], { command: 'help', topic: 'main' }],
    [['check', '-h'], { command: 'help', topic: 'check' }],
    [['check', '--format', 'json', '--help'], { command: 'help', topic: 'check' }],
    [['--version'], { command: 'version' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [['lint'], 'unknown command "lint"'],
    [['check', '--base'], '--base needs a value'],
    [['check', '--base='], '--base needs a value'],
    [['check', '--format', 'html'], '--format must be one of text, markdown, json, sarif, got "html"'],
    [['check', '--diff', 'a.diff', '--head', 'HEAD'], '--diff cannot be combined with --base or --head'],
    [['check', '--now', '2026-13-45T00:00:00Z'], '--now must be an ISO-8601 time'],
    [['check', '--now', 'yesterday'], '--now must be an ISO-8601 time'],
    [['check', '--base', 'a', '--base', 'b'], '--base given twice'],
    [['check', 'extra'], 'unknown option "extra"'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
