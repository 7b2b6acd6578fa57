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

/** A file the user named that cannot be read is a usage problem, not an internal error. */
class InputError extends Error {
  override name = 'InputError';
}

function readInput(path: string | 0, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new InputError(`cannot read ${what} ${path === 0 ? 'from standard input' : `"${path}"`} (${reason})`);
  }
}

function load(args: CheckArgs, cwd: string): Loaded {
  if (args.diff !== undefined) {
    const text = readInput(args.diff === '-' ? 0 : args.diff, 'the diff');
    const configText = args.config === undefined ? null : readInput(args.config, 'the config');
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
    if (error instanceof ConfigError || error instanceof GitError || error instanceof InputError) {
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
