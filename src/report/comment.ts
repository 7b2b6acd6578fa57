import type { Verdict } from '../policy/decide.js';
import { renderMarkdown, type MarkdownOptions } from './markdown.js';

// The sticky PR comment: one per pull request, found again by a hidden marker.

/** GitHub rejects an issue comment body longer than this. */
export const COMMENT_MAX_CHARS = 65_536;

/** Findings beyond this many get their explanations collapsed so the comment stays readable. */
const COLLAPSE_AFTER = 5;

export function commentMarker(context: string): string {
  return `<!-- two-key:sticky-comment context=${context.replace(/[^\w./:-]/g, '_')} -->`;
}

export interface CommentOptions {
  marker: string;
  fileUrl?: MarkdownOptions['fileUrl'];
  /** A comment already exists (then a clean PR gets a "now clean" update instead of nothing). */
  previous: boolean;
  /** Overridable for tests; GitHub's limit otherwise. */
  maxChars?: number;
}

const OMITTED = 'The check run `two-key findings` and the job summary list every finding.';

function body(marker: string, markdown: string): string {
  return `${marker}\n${markdown}`;
}

/**
 * The comment body, or null when there is nothing to say (a clean PR that never had a
 * comment). Too long: collapse the explanations, then explain fewer findings, then list
 * fewer, always saying what was left out.
 */
export function renderComment(verdict: Verdict, options: CommentOptions): string | null {
  const max = options.maxChars ?? COMMENT_MAX_CHARS;
  if (verdict.findings.length === 0) {
    if (!options.previous) return null;
    return body(
      options.marker,
      '### Two-Key: risk ✅ none\n\nThis pull request no longer contains risky changes. Nothing to sign off.\n\n<sub>An earlier version needed a sign-off; this comment stays for the record.</sub>\n',
    );
  }
  const base: MarkdownOptions = { collapseDetails: verdict.findings.length > COLLAPSE_AFTER, omittedNote: OMITTED };
  if (options.fileUrl) base.fileUrl = options.fileUrl;
  const attempt = (extra: MarkdownOptions): string => body(options.marker, renderMarkdown(verdict, { ...base, ...extra }));
  let text = attempt({});
  if (text.length <= max) return text;
  text = attempt({ collapseDetails: true });
  const n = verdict.findings.length;
  for (let details = Math.floor(n / 2); text.length > max && details > 0; details = Math.floor(details / 2)) {
    text = attempt({ collapseDetails: true, maxDetails: details });
  }
  if (text.length > max) text = attempt({ collapseDetails: true, maxDetails: 0 });
  for (let rows = Math.floor(n / 2); text.length > max && rows > 0; rows = Math.floor(rows / 2)) {
    text = attempt({ collapseDetails: true, maxDetails: 0, maxRows: rows });
  }
  if (text.length > max) text = attempt({ maxDetails: 0, maxRows: 0 });
  // Last resort (a pathological sign-off list): cut, keeping the marker.
  return text.length <= max ? text : `${text.slice(0, max - 2)}…\n`;
}
