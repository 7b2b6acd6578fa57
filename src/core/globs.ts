import { Minimatch } from 'minimatch';

// Globs match dotfiles too: `.env.production` and `.github/` are exactly what we care about.
const OPTIONS = { dot: true, nocomment: true } as const;

// Compiling a glob costs far more than matching it, and the same few globs (ignore,
// production, rule ids) are matched against every file of a pull request: compile each once.
const compiled = new Map<string, Minimatch>();
function compile(glob: string): Minimatch {
  let m = compiled.get(glob);
  if (m === undefined) {
    m = new Minimatch(glob, OPTIONS);
    compiled.set(glob, m);
  }
  return m;
}

export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => compile(g).match(path));
}

/** Rule-id globs in `rules:` (e.g. `database/*`) use the same syntax. */
export function matchesGlob(value: string, glob: string): boolean {
  return compile(glob).match(value);
}
