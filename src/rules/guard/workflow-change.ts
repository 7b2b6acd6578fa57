import { parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { FileRule } from '../types.js';
import { sameYaml } from './yaml.js';

const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const TWO_KEY = /two-key/i;

/** Lines (1-based) of every `uses:` value that names two-key, found through the YAML tree. */
export function twoKeyUsesLines(text: string | null): number[] {
  if (text === null) return [];
  const doc = parseDocument(text, { keepSourceTokens: false });
  const lines: number[] = [];
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const visit = (node: Node | null | undefined): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value) && TWO_KEY.test(String(pair.value.value))) {
          lines.push(lineOf(pair.value.range?.[0] ?? 0));
        }
        visit(pair.value as Node);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item as Node);
    }
  };
  if (doc.errors.length === 0) visit(doc.contents as Node);
  // An unparsable workflow is still checked: a careful text scan that skips comments.
  else
    text.split('\n').forEach((l, i) => {
      const code = l.replace(/(^|\s)#.*$/, '');
      if (/^\s*-?\s*uses:\s*\S*two-key/i.test(code)) lines.push(i + 1);
    });
  return lines;
}

export const workflowChange: FileRule = {
  kind: 'file',
  meta: {
    id: 'guard/workflow-change',
    category: 'guard',
    severity: 'high',
    title: 'Change to a workflow that runs Two-Key',
    why: 'The workflow is what runs the safeguard. Editing or removing it (a different trigger, a pinned old version, a `continue-on-error`) can switch the second sign-off off without anyone noticing.',
    fix: 'Have a second person review the workflow change, and keep the `two-key` status a required check in branch protection so a missing run still blocks.',
    examples: { bad: '- uses: two-key/two-key@v1\n  continue-on-error: true', good: '- uses: two-key/two-key@v1', language: 'yaml' },
  },
  appliesTo: (path) => WORKFLOW.test(path),
  check({ file }) {
    const before = twoKeyUsesLines(file.before);
    const after = twoKeyUsesLines(file.after);
    if (before.length === 0 && after.length === 0) return [];
    if (sameYaml(file.before, file.after)) return [];
    if (after.length === 0) {
      return [
        {
          line: null,
          message: `This change removes Two-Key from ${file.path}${file.status === 'deleted' ? ' (the workflow is deleted)' : ''}.`,
        },
      ];
    }
    return [{ line: after[0] ?? null, message: `This change edits ${file.path}, a workflow that runs Two-Key.` }];
  },
};
