import { execFileSync } from 'node:child_process';

// End-to-end tests run the built files, so build once before any test file runs.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
