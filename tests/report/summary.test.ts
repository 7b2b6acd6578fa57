import { describe, expect, it } from 'vitest';
import { renderSummary, type EvaluatedPull } from '../../src/report/summary.js';
import { dropTable, verdict } from './verdicts.js';

const pull = (extra: Partial<EvaluatedPull>): EvaluatedPull => ({
  number: 7,
  title: 'Drop the sessions table',
  url: 'https://github.com/acme/shop/pull/7',
  verdict: verdict([dropTable]),
  error: null,
  state: 'failure',
  ...extra,
});

describe('renderSummary', () => {
  it('shows one pull request in full', () => {
    const md = renderSummary([pull({})]);
    expect(md).toContain('## Two-Key · [#7](https://github.com/acme/shop/pull/7) Drop the sessions table');
    expect(md).toContain('database/drop-table');
  });

  it('escapes the PR title and error text: core.summary writes raw HTML', () => {
    const md = renderSummary([pull({ title: '<script>alert(1)</script> [x](javascript:alert(1))' })]);
    expect(md).not.toMatch(/(^|[^\\])<script>/);
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(javascript:alert\\(1\\)\\)');
    const failed = renderSummary([pull({ verdict: null, error: 'config <b>bad</b>', state: 'error' })]);
    expect(failed).toContain('fails closed: config \\<b\\>bad\\</b\\>');
  });

  it('tabulates a scheduled run over several pull requests', () => {
    const md = renderSummary([
      pull({}),
      pull({ number: 8, title: 'Docs | typo', verdict: verdict([]), state: 'success' }),
      pull({ number: 9, verdict: null, error: 'boom', state: 'error' }),
    ]);
    expect(md).toContain('Evaluated 3 open pull requests.');
    expect(md).toContain(
      '| [#7](https://github.com/acme/shop/pull/7) Drop the sessions table | high | ❌ failure | needs 1 more approval(s) |',
    );
    expect(md).toContain('Docs \\| typo | none | ✅ success |');
    expect(md).toContain('| unknown | ⚠️ error | boom |');
  });
});
