import { minimatch } from 'minimatch';

// Globs match dotfiles too: `.env.production` and `.github/` are exactly what we care about.
const OPTIONS = { dot: true, nocomment: true } as const;

export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => minimatch(path, g, OPTIONS));
}

/** Rule-id globs in `rules:` (e.g. `database/*`) use the same syntax. */
export function matchesGlob(value: string, glob: string): boolean {
  return minimatch(value, glob, OPTIONS);
}
