// Makefiles: recipe lines (tab-indented, after a target) are shell. Make's own syntax is
// translated just enough: `$(VAR)` -> `$VAR`, `$$` -> `$`, and the `@`/`-`/`+` prefixes dropped.
// Variable definitions (`DATABASE_URL ?= ...`) feed production detection.

import type { Extractor } from '../types.js';
import { analyzeScript } from './shell-commands.js';

export function makefileToShell(text: string): { script: string; vars: Map<string, string> } {
  const vars = new Map<string, string>();
  const lines = text.split('\n');
  let inRecipe = false;
  let continued = false;
  const out = lines.map((raw) => {
    const line = raw.replace(/\r$/, '');
    const wasContinued = continued;
    continued = /\\$/.test(line);
    if (line.startsWith('\t') && (inRecipe || wasContinued)) {
      return line
        .slice(1)
        .replace(/^[@+-]+/, '')
        .replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, '$$$1')
        .replace(/\$\$/g, '$');
    }
    if (wasContinued && inRecipe) return line;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return '';
    const def = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?:\?|:|::|\+)?=\s*(.*)$/.exec(trimmed);
    if (def) {
      vars.set(def[1] as string, (def[2] as string).trim());
      inRecipe = false;
      return '';
    }
    // A rule line `target: deps` starts a recipe; anything else (directives) ends it.
    inRecipe = /^[^\s=#][^=]*:(?!=)/.test(trimmed);
    return '';
  });
  return { script: out.join('\n'), vars };
}

export const makefileExtractor: Extractor = {
  name: 'makefile',
  appliesTo: (path) => /(^|\/)(GNUmakefile|[Mm]akefile)$|\.mk$/.test(path),
  extract: (text) => {
    const { script, vars } = makefileToShell(text);
    return analyzeScript(script, { source: 'makefile', env: vars });
  },
};
