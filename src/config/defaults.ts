import type { Severity } from '../core/types.js';
import type { ApprovalRule, ConfigInput, FreezeWindow } from './schema.js';

export type Mode = 'enforce' | 'report';
export type StaleMode = 'risky-files' | 'any-push' | 'never';

/** The config after defaults are applied: what the pipeline actually uses. */
export interface Config {
  timezone: string;
  mode: Mode;
  ignore: string[];
  production: string[];
  rules: Record<string, { severity?: Severity | 'off' }>;
  freeze: FreezeWindow[];
  approvals: { high: ApprovalRule; critical: ApprovalRule };
  stale: StaleMode;
  context: string;
}

export const CONFIG_PATH = '.github/two-key.yml';

export const DEFAULT_CONFIG: Config = {
  timezone: 'UTC',
  mode: 'enforce',
  ignore: ['**/*.md', '**/*.markdown', 'docs/**'],
  production: ['**/prod/**', '**/production/**', '**/.env.production*'],
  rules: {},
  freeze: [
    { name: 'Friday afternoon', days: ['fri'], from: '12:00', to: '24:00' },
    { name: 'Weekend', days: ['sat', 'sun'] },
  ],
  approvals: { high: { count: 1 }, critical: { count: 2 } },
  stale: 'risky-files',
  context: 'two-key',
};

/**
 * A key set in the config replaces its default. `approvals` is keyed by severity, so
 * setting `approvals.high` replaces only the default for `high`: leaving `critical` out
 * must not silently drop its two sign-offs.
 */
export function applyDefaults(input: ConfigInput): Config {
  return {
    timezone: input.timezone ?? DEFAULT_CONFIG.timezone,
    mode: input.mode ?? DEFAULT_CONFIG.mode,
    ignore: input.ignore ?? DEFAULT_CONFIG.ignore,
    production: input.production ?? DEFAULT_CONFIG.production,
    rules: input.rules ?? DEFAULT_CONFIG.rules,
    freeze: input.freeze ?? DEFAULT_CONFIG.freeze,
    approvals: {
      high: input.approvals?.high ?? DEFAULT_CONFIG.approvals.high,
      critical: input.approvals?.critical ?? DEFAULT_CONFIG.approvals.critical,
    },
    stale: input.stale ?? DEFAULT_CONFIG.stale,
    context: input.context ?? DEFAULT_CONFIG.context,
  };
}
