import { parseDocument } from 'yaml';
import { canonicalJson } from '../../core/canonical.js';

/** Parsed YAML as canonical JSON, or undefined when the text does not parse. */
export function canonicalYaml(text: string | null): string | undefined {
  if (text === null) return undefined;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  return canonicalJson(doc.toJS());
}

/**
 * True when before and after mean the same thing: same data after parsing, so a comment,
 * a re-indent or a key reorder is not a change. Unparsable text counts as changed.
 */
export function sameYaml(before: string | null, after: string | null): boolean {
  if (before === null || after === null) return false;
  const a = canonicalYaml(before);
  return a !== undefined && a === canonicalYaml(after);
}
