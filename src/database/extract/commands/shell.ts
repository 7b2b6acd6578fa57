// Shell scripts: *.sh, *.bash, *.zsh, and extension-less scripts under bin/ and scripts/.

import type { Extractor } from '../types.js';
import { analyzeScript } from './shell-commands.js';

export function isShellScriptPath(path: string): boolean {
  if (/\.(sh|bash|zsh|ksh)$/.test(path)) return true;
  // bin/setup, scripts/reset-db: no extension (or a dotted name with no known extension).
  return /(^|\/)(bin|scripts?)\/(.+\/)?[^/.]+$/.test(path);
}

export const shellExtractor: Extractor = {
  name: 'shell',
  appliesTo: isShellScriptPath,
  extract: (text) => {
    // An extension-less file under bin/ may be Ruby or Python (Rails' bin/setup is Ruby): read its shebang.
    const shebang = /^#!.*/.exec(text)?.[0] ?? '';
    if (/\b(ruby|python\d*|node)\b/.test(shebang)) return analyzeScript(embeddedShellCommands(text), { source: 'shell' });
    return analyzeScript(text, { source: 'shell' });
  },
};

/**
 * Ruby/Python scripts (Rails' bin/setup) run commands through `system("bin/rails db:reset")`
 * or `subprocess.run(...)`. Keep only the string literals passed to those calls, each on its
 * own line, so that line numbers stay and nothing else is read as shell.
 */
export function embeddedShellCommands(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^\s*(?:system!?|exec|sh|run|subprocess\.(?:run|call|check_call)|os\.system|execSync|spawnSync)\s*\(?\s*(["'])(.*)\1/.exec(
        line,
      );
      return m ? (m[2] as string) : '';
    })
    .join('\n');
}
