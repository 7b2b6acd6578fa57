import { describe, expect, it } from 'vitest';
import { evaluateCorpus, falseAlarmRate, MAX_FALSE_ALARM_RATE, MIN_RECALL, recall } from '../../scripts/corpus-lib.js';

describe('database corpus (tests/corpus/database)', () => {
  it('meets the recall and false-alarm targets', async () => {
    const { results, total } = await evaluateCorpus();
    const missed = results.filter((r) => r.case.expect.length > 0 && !r.hit).map((r) => `${r.case.framework}/${r.case.name}`);
    const falseAlarms = results.filter((r) => r.falseAlarm).map((r) => `${r.case.framework}/${r.case.name}`);
    expect(total.cases).toBeGreaterThanOrEqual(45);
    expect({ recall: recall(total) >= MIN_RECALL, missed }).toEqual({ recall: true, missed: expect.any(Array) as unknown });
    expect({ rate: falseAlarmRate(total) <= MAX_FALSE_ALARM_RATE, falseAlarms }).toEqual({
      rate: true,
      falseAlarms: expect.any(Array) as unknown,
    });
  });

  it('has SQL cases for every dialect and convention, about 40% clean', async () => {
    const { results } = await evaluateCorpus();
    const sql = results.filter((r) => r.case.framework === 'sql');
    expect(sql.length).toBeGreaterThanOrEqual(45);
    const clean = sql.filter((r) => r.case.expect.length === 0).length / sql.length;
    expect(clean).toBeGreaterThan(0.3);
    for (const prefix of ['pg-', 'mysql-', 'sqlite-', 'tsql-', 'flyway-', 'goose-', 'dbmate-', 'golang-migrate-'])
      expect(sql.some((r) => r.case.name.startsWith(prefix))).toBe(true);
  });
});
