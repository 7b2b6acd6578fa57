import type { ChangedFile, ChangeSet } from '../changes/model.js';
import type { Config } from '../config/defaults.js';
import { matchesAny, matchesGlob } from './globs.js';
import { redactSecrets } from './redact.js';
import { raiseSeverity, severityRank, type Finding, type Severity } from './types.js';
import { analysisError } from '../rules/guard/engine.js';
import type { FileContext, FileRule, Rule, RuleMeta, RuleReport } from '../rules/types.js';

export interface AnalyzeInput {
  changes: ChangeSet;
  config: Config;
  now: Date;
  rules: readonly Rule[];
}

/** The config's severity for a rule id: exact id first, then the last matching glob. */
export function configuredSeverity(config: Config, id: string): Severity | 'off' | undefined {
  const exact = config.rules[id]?.severity;
  if (exact !== undefined) return exact;
  let found: Severity | 'off' | undefined;
  for (const [pattern, override] of Object.entries(config.rules)) {
    if (override.severity !== undefined && matchesGlob(id, pattern)) found = override.severity;
  }
  return found;
}

export function isIgnored(file: Pick<ChangedFile, 'path' | 'oldPath'>, config: Config): boolean {
  return matchesAny(file.path, config.ignore) && (file.oldPath === null || matchesAny(file.oldPath, config.ignore));
}

/**
 * Whether a file rule runs on a file (`ignored`: isIgnored, computed once per file). Guard rules see every file: `ignore` must never hide a
 * change to the safeguard itself. Also used by the GitHub source to fetch full texts only
 * for files some rule will read.
 */
export function ruleRunsOn(rule: FileRule, file: Pick<ChangedFile, 'path' | 'oldPath'>, ignored: boolean): boolean {
  if (ignored && rule.meta.category !== 'guard') return false;
  return rule.appliesTo(file.path) || (file.oldPath !== null && rule.appliesTo(file.oldPath));
}

function toFinding(meta: RuleMeta, report: RuleReport, path: string | null, production: boolean, config: Config): Finding | null {
  const id = report.rule ?? meta.id;
  const override = configuredSeverity(config, id);
  if (override === 'off') return null;
  let severity = override ?? report.severity ?? meta.severity;
  if (production) severity = raiseSeverity(severity);
  return {
    rule: id,
    category: meta.category,
    severity,
    path,
    line: report.line,
    message: redactSecrets(report.message),
    why: report.why ?? meta.why,
    fix: report.fix ?? meta.fix,
  };
}

function errorFinding(ruleId: string, path: string | null, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  const what = path === null ? 'this pull request' : 'this file';
  return {
    rule: analysisError.id,
    category: analysisError.category,
    severity: analysisError.severity,
    path,
    line: null,
    message: `Two-Key could not finish rule ${ruleId} on ${what} (${detail}).`,
    why: analysisError.why,
    fix: analysisError.fix,
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.path ?? '').localeCompare(b.path ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.rule.localeCompare(b.rule)
  );
}

/** Runs every rule over the change set. Pure: same input, same findings. */
export function analyze(input: AnalyzeInput): Finding[] {
  const { changes, config, now, rules } = input;
  const findings: Finding[] = [];
  /** The files left after `ignore`: what pull rules (timing) see. */
  const analysed: ChangedFile[] = [];

  for (const file of changes.files) {
    const ignored = isIgnored(file, config);
    if (!ignored) analysed.push(file);
    const production = matchesAny(file.path, config.production);
    const cache = new Map<string, unknown>();
    const ctx: FileContext = {
      file,
      config,
      production,
      memo<T>(key: string, compute: () => T): T {
        if (!cache.has(key)) cache.set(key, compute());
        return cache.get(key) as T;
      },
    };
    for (const rule of rules) {
      if (rule.kind !== 'file' || !ruleRunsOn(rule, file, ignored)) continue;
      try {
        for (const report of rule.check(ctx)) {
          const f = toFinding(rule.meta, report, file.path, production, config);
          if (f) findings.push(f);
        }
      } catch (error) {
        findings.push(errorFinding(rule.meta.id, file.path, error));
      }
    }
  }

  for (const rule of rules) {
    if (rule.kind !== 'pull') continue;
    try {
      for (const report of rule.check({ files: analysed, config, now })) {
        const f = toFinding(rule.meta, report, null, false, config);
        if (f) findings.push(f);
      }
    } catch (error) {
      findings.push(errorFinding(rule.meta.id, null, error));
    }
  }

  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.rule}\0${f.path}\0${f.line}\0${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareFindings);
}
