// npm run demo: the main job on a built-in example. Builds a two-commit repository from
// examples/risky-pr (base/, then head/ on top) and runs the built CLI on it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const example = resolve('examples/risky-pr');
const cli = resolve('dist/cli.js');
const repo = mkdtempSync(join(tmpdir(), 'two-key-demo-'));
const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });

try {
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Demo Developer');
  git('config', 'commit.gpgsign', 'false');
  cpSync(join(example, 'base'), repo, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'Shop monolith before the pull request');
  cpSync(join(example, 'head'), repo, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'Clean up sessions before the new login flow');

  // Friday 17:45 in Berlin, the example config's zone, so the timing rule shows too.
  const args = ['check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', process.argv[2] ?? 'markdown', '--now', '2026-11-20T16:45:00Z'];
  console.error(`$ two-key ${args.join(' ')}   (in a temporary repo built from examples/risky-pr)\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repo, stdio: 'inherit' });
  console.error(`\nexit status ${result.status} (0 nothing blocks, 1 sign-off required, 2 error)`);
  process.exitCode = result.status ?? 2;
} finally {
  rmSync(repo, { recursive: true, force: true });
}
