import type { FileRule } from '../types.js';

const CODEOWNERS = new Set(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS']);

/** The ownership entries, ignoring comments, blank lines and spacing. */
function entries(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/(^|\s)#.*$/, '')
        .trim()
        .split(/\s+/)
        .join(' '),
    )
    .filter((l) => l !== '');
}

export const codeowners: FileRule = {
  kind: 'file',
  meta: {
    id: 'guard/codeowners',
    category: 'guard',
    severity: 'medium',
    title: 'Change to CODEOWNERS',
    why: 'CODEOWNERS decides who is asked to review which paths. Removing an owner from migrations or infrastructure quietly removes a reviewer from the changes that most need one.',
    fix: 'Ask the owners whose paths change to review the new ownership.',
  },
  appliesTo: (path) => CODEOWNERS.has(path),
  check({ file }) {
    const before = entries(file.before);
    const after = entries(file.after);
    // Order matters in CODEOWNERS (the last match wins), so compare the sequences.
    if (before.join('\n') === after.join('\n')) return [];
    const firstChanged = file.after === null ? null : firstDifferentLine(file.before ?? '', file.after);
    return [{ line: firstChanged, message: `This change edits the code owners (${file.path}).` }];
  },
};

function firstDifferentLine(before: string, after: string): number | null {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return i + 1;
  return b.length > 0 ? b.length : null;
}
