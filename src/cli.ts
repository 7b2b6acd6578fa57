import { readFileSync } from 'node:fs';
import pkg from '../package.json' with { type: 'json' };
import { parseArgs, UsageError, MAIN_HELP, CHECK_HELP, type CheckArgs } from './cli/args.js';
import { parseUnifiedDiff } from './changes/diff.js';
import { defaultBase, gitChangeSet, GitError, readFileAt, resolveRevision } from './changes/git.js';
import type { ChangeSet } from './changes/model.js';
import { CONFIG_PATH, type Config } from './config/defaults.js';
import { ConfigError, parseConfig } from './config/parse.js';
import { render } from './report/render.js';
import { run } from './run.js';

// The CLI edge: reads git or a diff, the config from the base revision, and the clock;
// everything between is the same run() the Action uses.

interface Loaded {
  changes: ChangeSet;
  config: Config;
}

function readStdin(): string {
  return readFileSync(0, 'utf8');
}

function load(args: CheckArgs, cwd: string): Loaded {
  if (args.diff !== undefined) {
    const text = args.diff === '-' ? readStdin() : readFileSync(args.diff, 'utf8');
    let configText: string | null = null;
    if (args.config !== undefined) configText = readFileSync(args.config, 'utf8');
    return { changes: { files: parseUnifiedDiff(text) }, config: parseConfig(configText, args.config ?? CONFIG_PATH) };
  }
  const head = resolveRevision(cwd, args.head ?? 'HEAD');
  const base = args.base !== undefined ? resolveRevision(cwd, args.base) : defaultBase(cwd, head);
  const configPath = args.config ?? CONFIG_PATH;
  // Read from the base revision: the change under review must not be able to weaken its own gate.
  const config = parseConfig(readFileAt(cwd, base, configPath), `${configPath} (at base ${base.slice(0, 12)})`);
  return { changes: gitChangeSet(cwd, base, head), config };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`two-key: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    process.stdout.write(args.topic === 'check' ? CHECK_HELP : MAIN_HELP);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  try {
    const { changes, config } = load(args, process.cwd());
    const verdict = await run({ changes, config, now: args.now ?? new Date() });
    process.stdout.write(render(verdict, args.format));
    return verdict.blocking ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof GitError) {
      process.stderr.write(`two-key: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`two-key: internal error, failing closed: ${detail}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`two-key: internal error, failing closed: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
