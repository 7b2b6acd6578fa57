import { beforeAll, describe, expect, it } from 'vitest';
import { isBlocking } from '../../src/core/types.js';
import { loadParsers } from '../../src/sql/parsers.js';
import { evaluateCase, loadCorpus } from '../../scripts/corpus-lib.js';

// Every corpus case on its own, judged exactly as `npm run corpus` judges it, so a
// regression names the case and shows what was found instead of only moving a rate.

const cases = loadCorpus();
const frameworks = [...new Set(cases.map((c) => c.framework))];

beforeAll(async () => {
  await loadParsers();
});

describe.each(frameworks)('corpus: %s', (framework) => {
  const mine = cases.filter((c) => c.framework === framework);

  it('has a destructive and a clean case', () => {
    expect(mine.some((c) => c.expect.length > 0)).toBe(true);
    expect(mine.some((c) => c.expect.length === 0)).toBe(true);
  });

  it.each(mine.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = evaluateCase(c);
    const found = `${c.note}\n${result.findings.map((f) => `${f.severity} ${f.rule}:${f.line} ${f.message}`).join('\n')}`;
    if (c.expect.length > 0) expect(result.hit, found).toBe(true);
    expect(result.falseAlarm, found).toBe(false);
    // Nothing outside the expected categories may hold the merge either.
    const blocking = [...new Set(result.findings.filter((f) => isBlocking(f.severity)).map((f) => f.category))];
    expect(
      blocking.filter((cat) => !c.expect.includes(cat)),
      found,
    ).toEqual([]);
  });
});
