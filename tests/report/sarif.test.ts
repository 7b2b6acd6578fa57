import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/report/sarif.js';
import { dropTable, freeze, lowFinding, verdict } from './verdicts.js';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;

describe('renderSarif', () => {
  it('describes findings the engine raises itself with their own metadata, not the message', () => {
    const unread = {
      ...freeze,
      rule: 'guard/too-large-to-verify',
      category: 'guard' as const,
      message: 'Part of this change could not be read: 3,214 files',
    };
    const log = JSON.parse(renderSarif(verdict([unread]))) as {
      runs: { tool: { driver: { rules: { shortDescription: { text: string } }[] } } }[];
    };
    expect(log.runs[0]?.tool.driver.rules[0]?.shortDescription.text).toBe('Part of the change could not be read');
  });

  it('is a SARIF 2.1.0 log with one rule descriptor per rule and one result per finding', () => {
    const log = parse(renderSarif(verdict([dropTable, lowFinding(1), lowFinding(2)])));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run?.tool.driver.name).toBe('Two-Key');
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(['database/drop-table', 'database/index-without-concurrently']);
    expect(run?.tool.driver.rules[0]?.helpUri).toMatch(/docs\/rules\/database-drop-table\.md$/);
    expect(run?.results).toHaveLength(3);
    expect(run?.results[0]).toMatchObject({
      ruleId: 'database/drop-table',
      ruleIndex: 0,
      level: 'error',
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'db/migrate/20260301120000_drop_sessions.sql' }, region: { startLine: 4 } } },
      ],
    });
    expect(run?.results[1]).toMatchObject({ ruleIndex: 1, level: 'note' });
  });

  it('gives every result a location (code scanning requires one): PR-wide findings point at the config', () => {
    const result = parse(renderSarif(verdict([freeze]))).runs[0]?.results[0];
    expect(result?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: '.github/two-key.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(result?.message.text).toContain('applies to the whole pull request');
  });

  it('fingerprints stay stable across runs and differ between findings', () => {
    const a = parse(renderSarif(verdict([dropTable, lowFinding(1)]))).runs[0]?.results ?? [];
    const b = parse(renderSarif(verdict([dropTable]))).runs[0]?.results ?? [];
    expect(a[0]?.partialFingerprints).toEqual(b[0]?.partialFingerprints);
    expect(a[0]?.partialFingerprints).not.toEqual(a[1]?.partialFingerprints);
  });

  it('an empty verdict is a valid log with no results', () => {
    expect(parse(renderSarif(verdict([]))).runs[0]?.results).toEqual([]);
  });
});
