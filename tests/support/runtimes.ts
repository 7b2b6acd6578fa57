import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export interface Runtime {
  name: string;
  path: string;
}

function major(path: string): number {
  return Number(/^v(\d+)/.exec(execFileSync(path, ['--version'], { encoding: 'utf8' }))?.[1] ?? 0);
}

/**
 * The runtimes the built files must work on: Node 24 (what GitHub runs actions on, from the
 * `node` npm package) and the machine's own Node 20. Inside `npm test` the PATH starts with
 * node_modules/.bin, whose `node` is 24, so the system one is looked up outside it.
 */
export function runtimes(): Runtime[] {
  const node24 = resolve('node_modules/node/bin/node');
  const system = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .map((dir) => join(dir, 'node'))
    .find((p) => existsSync(p));
  const found: Runtime[] = [];
  if (existsSync(node24) && major(node24) === 24) found.push({ name: 'node 24', path: node24 });
  if (system && major(system) !== 24) found.push({ name: `node ${major(system)}`, path: system });
  if (found.length < 2)
    throw new Error(`expected Node 24 (npm package "node") and the system Node; found ${found.map((r) => r.name).join(', ')}`);
  return found;
}
