import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config/defaults.js';
import type { Finding, Severity } from '../../src/core/types.js';
import { decide } from '../../src/policy/decide.js';

const finding = (severity: Severity, rule = 'database/drop-table'): Finding => ({
  rule,
  category: 'database',
  severity,
  path: 'db/migrate/001.sql',
  line: 3,
  message: 'DROP TABLE users',
  why: 'why',
  fix: 'fix',
});

const withApprovers = (...logins: string[]) => ({ approvers: logins.map((login) => ({ login })), changesRequested: [], ignored: [] });

describe('decide', () => {
  it('passes a change with no findings', () => {
    const v = decide([], DEFAULT_CONFIG);
    expect(v).toMatchObject({ risk: 'none', satisfied: true, blocking: false, approvals: { required: 0, missing: 0 } });
  });

  it.each<[Severity, number]>([
    ['low', 0],
    ['medium', 0],
    ['high', 1],
    ['critical', 2],
  ])('a %s finding needs %i approvals by default', (severity, required) => {
    const v = decide([finding(severity)], DEFAULT_CONFIG);
    expect(v.risk).toBe(severity);
    expect(v.approvals.required).toBe(required);
    expect(v.blocking).toBe(required > 0);
  });

  it('takes the highest severity as the risk', () => {
    expect(decide([finding('low'), finding('critical'), finding('high')], DEFAULT_CONFIG).risk).toBe('critical');
  });

  it('counts approvals until the requirement is met', () => {
    const findings = [finding('critical')];
    expect(decide(findings, DEFAULT_CONFIG, withApprovers('alice')).approvals.missing).toBe(1);
    const v = decide(findings, DEFAULT_CONFIG, withApprovers('alice', 'bob'));
    expect(v).toMatchObject({ satisfied: true, blocking: false, approvals: { given: ['alice', 'bob'], missing: 0 } });
  });

  it('counts only approvers named in `from` (users or teams)', () => {
    const config: Config = {
      ...DEFAULT_CONFIG,
      approvals: { ...DEFAULT_CONFIG.approvals, high: { count: 1, from: ['@acme/dba', 'carol'] } },
    };
    const findings = [finding('high')];
    expect(decide(findings, config, withApprovers('alice')).satisfied).toBe(false);
    expect(decide(findings, config, withApprovers('Carol')).satisfied).toBe(true);
    const teamMember = { approvers: [{ login: 'dave', teams: ['acme/dba'] }], changesRequested: [], ignored: [] };
    expect(decide(findings, config, teamMember).satisfied).toBe(true);
  });

  it('blocks while a qualified reviewer requests changes', () => {
    const v = decide([finding('high')], DEFAULT_CONFIG, { approvers: [{ login: 'alice' }], changesRequested: ['bob'], ignored: [] });
    expect(v).toMatchObject({ satisfied: false, blocking: true });
  });

  it('never blocks in report mode but still says what would be required', () => {
    const v = decide([finding('critical')], { ...DEFAULT_CONFIG, mode: 'report' });
    expect(v).toMatchObject({ blocking: false, satisfied: false, approvals: { required: 2 } });
  });

  it('lets a config require zero approvals for high', () => {
    const config: Config = { ...DEFAULT_CONFIG, approvals: { ...DEFAULT_CONFIG.approvals, high: { count: 0 } } };
    expect(decide([finding('high')], config).blocking).toBe(false);
  });
});
