// Pure argument parsing for `two-key`: no I/O, so every usage error is unit-testable.

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArgs {
  command: 'check';
  base?: string;
  head?: string;
  diff?: string;
  config?: string;
  format: Format;
  now?: Date;
}

export type CliArgs = CheckArgs | { command: 'help'; topic: 'main' | 'check' } | { command: 'version' };

export class UsageError extends Error {
  override name = 'UsageError';
}

export const MAIN_HELP = `two-key: holds risky changes until a second person signs off

Usage:
  two-key check [options]   analyse a change and say what needs sign-off
  two-key --help            this help
  two-key --version         the version

Run "two-key check --help" for the options.
Exit status: 0 nothing blocks, 1 sign-off required, 2 usage, config or internal error.
`;

export const CHECK_HELP = `Usage: two-key check [--base REF] [--head REF] [--diff FILE|-] [--config PATH]
                     [--format text|markdown|json|sarif] [--now ISO-8601]

Analyses the change from --base to --head in the current git repository (or a unified
diff with --diff) and reports what can destroy production data or take production down.

Options:
  --base REF     base revision (default: merge base of HEAD with the default branch)
  --head REF     head revision (default: HEAD)
  --diff FILE    read a unified diff from FILE ("-" for standard input) instead of git;
                 no repository needed
  --config PATH  config path. With git it is read from the BASE revision, never from the
                 head (default .github/two-key.yml); with --diff it is a file on disk
  --format F     text (default), markdown, json or sarif
  --now TIME     the time for freeze windows, ISO-8601 (default: the current time)
  -h, --help     this help

Exit status: 0 nothing blocks, 1 sign-off required, 2 usage, config or internal error.
`;

const VALUE_OPTIONS = new Set(['--base', '--head', '--diff', '--config', '--format', '--now']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { command: 'help', topic: 'main' };
  if (command === '-v' || command === '--version' || command === 'version') return { command: 'version' };
  if (command !== 'check') throw new UsageError(`unknown command "${command}" (try "two-key --help")`);

  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '-h' || arg === '--help') return { command: 'help', topic: 'check' };
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option "${arg}" (try "two-key check --help")`);
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (values.has(name)) throw new UsageError(`${name} given twice`);
    values.set(name, value);
  }

  const format = values.get('--format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  if (values.has('--diff') && (values.has('--base') || values.has('--head')))
    throw new UsageError('--diff cannot be combined with --base or --head');

  let now: Date | undefined;
  const nowText = values.get('--now');
  if (nowText !== undefined) {
    now = new Date(nowText);
    if (!/^\d{4}-\d{2}-\d{2}/.test(nowText) || Number.isNaN(now.getTime()))
      throw new UsageError(`--now must be an ISO-8601 time such as 2026-11-20T16:30:00Z, got "${nowText}"`);
  }
  return {
    command: 'check',
    base: values.get('--base'),
    head: values.get('--head'),
    diff: values.get('--diff'),
    config: values.get('--config'),
    format: format as Format,
    now,
  };
}
