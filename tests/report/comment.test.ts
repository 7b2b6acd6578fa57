import { describe, expect, it } from 'vitest';
import { COMMENT_MAX_CHARS, commentMarker, renderComment } from '../../src/report/comment.js';
import { dropTable, freeze, lowFinding, verdict } from './verdicts.js';

const marker = commentMarker('two-key');
const fileUrl = (path: string, line: number | null): string => `https://github.com/acme/shop/blob/abc/${path}${line ? `#L${line}` : ''}`;

describe('renderComment', () => {
  it('starts with the hidden marker and shows risk, findings, sign-off, what remains and the blameless note', () => {
    const body =
      renderComment(verdict([dropTable], { ignored: [{ login: 'alice', reason: 'the author of the pull request' }] }), {
        marker,
        fileUrl,
        previous: false,
      }) ?? '';
    expect(body.startsWith('<!-- two-key:sticky-comment context=two-key -->\n')).toBe(true);
    expect(body).toContain('### Two-Key: risk 🔴 high');
    expect(body).toContain(
      '| 🔴 high | `database/drop-table` | [db/migrate/20260301120000\\_drop\\_sessions.sql:4](https://github.com/acme/shop/blob/abc/db/migrate/20260301120000_drop_sessions.sql#L4)',
    );
    expect(body).toContain('**What can go wrong:** Dropping a table');
    expect(body).toContain('**How to make it safe:** Stop using the table');
    expect(body).toContain('- Required: 1');
    expect(body).toContain('- Given: none yet');
    expect(body).toContain('- Not counted: @alice (the author of the pull request)');
    expect(body).toContain('- Remaining: 1 more approval');
    expect(body).toContain('It is about the change, not the person');
  });

  it('shows who signed off', () => {
    const body = renderComment(verdict([dropTable], { approvers: [{ login: 'bob' }] }), { marker, previous: true }) ?? '';
    expect(body).toContain('- Given: @bob');
    expect(body).toContain('- Remaining: nothing');
  });

  it('says nothing for a PR that was always clean, and "now clean" for one that had a comment', () => {
    expect(renderComment(verdict([]), { marker, previous: false })).toBeNull();
    const clean = renderComment(verdict([]), { marker, previous: true }) ?? '';
    expect(clean.startsWith(marker)).toBe(true);
    expect(clean).toContain('no longer contains risky changes');
  });

  it('escapes PR-derived text so it cannot inject markdown or HTML', () => {
    const evil = { ...dropTable, path: 'db/<img src=x onerror=alert(1)>.sql', message: 'DROP TABLE "x](http://evil)"' };
    const body = renderComment(verdict([evil], { changesRequested: ['mallory[bot]'] }), { marker, previous: false }) ?? '';
    expect(body).not.toMatch(/(^|[^\\])<img/);
    expect(body).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(body).toContain('@mallory\\[bot\\]');
  });

  it('collapses the explanations when there are many findings', () => {
    const body =
      renderComment(verdict([dropTable, ...Array.from({ length: 8 }, (_, i) => lowFinding(i))]), { marker, previous: false }) ?? '';
    expect(body).toContain('<details>');
    expect(body).toContain('<summary>Why each finding matters and how to make it safe (9 findings)</summary>');
  });

  it('stays under GitHub’s 65,536-character limit: collapse, explain fewer, then list fewer, saying what was left out', () => {
    const many = [dropTable, freeze, ...Array.from({ length: 3000 }, (_, i) => lowFinding(i))];
    const body = renderComment(verdict(many), { marker, fileUrl, previous: false }) ?? '';
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain('database/drop-table');
    expect(body).toMatch(
      /…and \d+ more findings not listed here\. The check run `two-key findings` and the job summary list every finding\./,
    );
    expect(body).toContain('- Required: 1');
  });

  it('keeps a mid-sized report whole but collapsed when only the details overflow', () => {
    const many = [dropTable, ...Array.from({ length: 120 }, (_, i) => lowFinding(i))];
    const body = renderComment(verdict(many), { marker, previous: false, maxChars: 30_000 }) ?? '';
    expect(body.length).toBeLessThanOrEqual(30_000);
    expect(body).not.toContain('not listed here');
    expect(body).toMatch(/more findings? not explained here/);
  });

  it('in report mode says what would have been required', () => {
    const body = renderComment(verdict([dropTable], {}, 'report'), { marker, previous: false }) ?? '';
    expect(body).toContain('Mode: report');
  });
});
