import type { ChangedFile } from '../changes/model.js';
import type { Config } from '../config/defaults.js';
import type { Category, Severity } from '../core/types.js';

/** Everything that describes a rule; docs/rules/<id>.md is generated from it. */
export interface RuleMeta {
  /** Stable id, `<category>/<name>`. Never reuse or rename one: configs refer to it. */
  id: string;
  category: Category;
  /** Default severity; a report may raise it (production target) and config may override it. */
  severity: Severity;
  /** One line, for tables. */
  title: string;
  /** What can go wrong. */
  why: string;
  /** How to make the change safe. */
  fix: string;
  /** Optional examples for the docs page. */
  examples?: { bad: string; good: string; language?: string };
}

/** What a rule reports; the engine turns it into a Finding. */
export interface RuleReport {
  /** 1-based head line, or null when the finding is about the file as a whole. */
  line: number | null;
  message: string;
  /** Overrides meta.severity for this report (e.g. CASCADE, or a production target). */
  severity?: Severity;
  why?: string;
  fix?: string;
  /** Reports from a rule that emits under several ids (e.g. a text fallback). */
  rule?: string;
}

export interface FileContext {
  readonly file: ChangedFile;
  readonly config: Config;
  /** The path matches the `production` globs. */
  readonly production: boolean;
  /** Caches an expensive parse of this file so that the rules sharing it parse once. */
  memo<T>(key: string, compute: () => T): T;
}

export interface FileRule {
  kind: 'file';
  meta: RuleMeta;
  /** Path-only test; the GitHub source fetches full contents only for files some rule wants. */
  appliesTo(path: string): boolean;
  check(ctx: FileContext): RuleReport[];
}

export interface PullContext {
  /** The files left after `ignore`. */
  readonly files: readonly ChangedFile[];
  readonly config: Config;
  readonly now: Date;
}

/** A rule about the pull request as a whole (timing); its findings have no path. */
export interface PullRule {
  kind: 'pull';
  meta: RuleMeta;
  check(ctx: PullContext): RuleReport[];
}

export type Rule = FileRule | PullRule;
