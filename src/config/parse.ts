import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { applyDefaults, DEFAULT_CONFIG, type Config } from './defaults.js';
import { configSchema } from './schema.js';

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid Two-Key config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** `freeze[1].from`, `rules["database/*"].severity`: the path a person would type. */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_][\w-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(top level)';
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((k) => `${keyPath([...issue.path, k])}: unknown key (check the spelling; see schema/two-key.schema.json)`)
      .join('\n');
  }
  if (issue.code === 'invalid_type') {
    return issue.input === undefined
      ? `${keyPath(issue.path)}: required`
      : `${keyPath(issue.path)}: expected ${issue.expected}, got ${JSON.stringify(issue.input)}`;
  }
  return `${keyPath(issue.path)}: ${issue.message}`;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parses and validates a config. `text` null means the file does not exist, which is
 * fine: defaults apply. Anything present but wrong throws ConfigError, never falls back.
 */
export function parseConfig(text: string | null, source = '.github/two-key.yml'): Config {
  if (text === null) return DEFAULT_CONFIG;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => `line ${lineAt(text, e.pos[0])}: ${e.message.split('\n')[0]}`),
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return DEFAULT_CONFIG;
  // reportInput: zod 4 leaves the input out of issues by default, and without it a wrong
  // type would read as a missing key.
  const result = configSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(
      source,
      result.error.issues.flatMap((i) => describe(i).split('\n')),
    );
  }
  return applyDefaults(result.data);
}
