import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The baseline the database issue names: squawk 2.66 (npm squawk-cli, linux-x64 build). */
export const SQUAWK_VERSION = '2.66.0';

/**
 * squawk is a baseline to measure against, not a dependency: its non-linux builds of
 * 2.66 are missing from the registry this project installs from, which would break
 * `npm ci`. So the benchmark installs it into a cache folder of its own on first use.
 */
export function squawkBinary(): string {
  const dir = resolve('bench', '.tools', `squawk-${SQUAWK_VERSION}`);
  const bin = join(dir, 'node_modules', '.bin', 'squawk');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    console.log(`installing squawk-cli@${SQUAWK_VERSION} into ${dir} ...`);
    execFileSync(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `squawk-cli@${SQUAWK_VERSION}`],
      { stdio: 'inherit' },
    );
  }
  return bin;
}
