// GitHub Actions workflows: each step's `run:` script is shell, analysed with its real line
// numbers. `env:` at workflow, job and step level feeds production detection, and a job
// deploying to a production `environment:` makes every step in it aimed at production.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DbOperation } from '../../operations.js';
import { isProductionName } from '../../production.js';
import type { Extractor } from '../types.js';
import { analyzeScript } from './shell-commands.js';

function get(map: unknown, key: string): unknown {
  if (!isMap(map)) return undefined;
  return (map.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key)?.value;
}

function envOf(map: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const env = get(map, 'env');
  if (isMap(env))
    for (const p of (env as YAMLMap).items as Pair[])
      if (isScalar(p.key) && isScalar(p.value)) out.set(String(p.key.value), String(p.value.value));
  return out;
}

/** `environment: production` or `environment: { name: production }`. */
function deploysToProduction(job: unknown): boolean {
  const env = get(job, 'environment');
  const name = isScalar(env)
    ? env.value
    : get(env, 'name') !== undefined && isScalar(get(env, 'name'))
      ? (get(env, 'name') as { value: unknown }).value
      : undefined;
  return typeof name === 'string' && isProductionName(name);
}

export function extractWorkflow(text: string, source = 'workflow'): DbOperation[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  const root = doc.contents;
  const globalEnv = envOf(root);
  const jobs = get(root, 'jobs');
  if (!isMap(jobs)) return [];
  const ops: DbOperation[] = [];
  for (const jp of (jobs as YAMLMap).items as Pair[]) {
    const job = jp.value;
    const production = deploysToProduction(job);
    const jobEnv = new Map([...globalEnv, ...envOf(job)]);
    const steps = get(job, 'steps');
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const run = get(step, 'run');
      if (!isScalar(run) || typeof run.value !== 'string' || !run.range) continue;
      const node = run as Node & { type?: string };
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      const line = lc.linePos(run.range[0]).line + (block ? 1 : 0);
      const env = new Map([...jobEnv, ...envOf(step)]);
      ops.push(...analyzeScript(run.value, { source, env, production }, line));
    }
  }
  return ops;
}

export const workflowExtractor: Extractor = {
  name: 'workflow',
  appliesTo: (path) => /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path),
  extract: (text) => extractWorkflow(text),
};
