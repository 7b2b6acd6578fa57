// package.json "scripts": each script is a shell command line (npm runs it with sh -c).

import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import type { DbOperation } from '../../operations.js';
import type { Extractor } from '../types.js';
import { analyzeScript } from './shell-commands.js';

export function extractPackageScripts(text: string): DbOperation[] {
  // JSON is YAML: the yaml parser gives each script's line.
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const scripts = (doc.contents.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'scripts')?.value;
  if (!isMap(scripts)) return [];
  const ops: DbOperation[] = [];
  for (const p of scripts.items as Pair[]) {
    if (!isScalar(p.value) || typeof p.value.value !== 'string' || !p.value.range) continue;
    ops.push(...analyzeScript(p.value.value, { source: 'package-json' }, lc.linePos(p.value.range[0]).line));
  }
  return ops;
}

export const packageJsonExtractor: Extractor = {
  name: 'package-json',
  appliesTo: (path) => /(^|\/)package\.json$/.test(path) && !/(^|\/)node_modules\//.test(path),
  extract: (text) => extractPackageScripts(text),
};
