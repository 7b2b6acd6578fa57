// Development, test and setup configuration that points a database at production: the
// copy-paste incident. Each production-pointing setting becomes a `points-at-production`
// operation whose fingerprint is its key path and value, so the before/after comparison
// reports only settings the change introduced.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { DbOperation } from '../../operations.js';
import { commandTargetsProduction, isProductionAssignment, isProductionName, isProductionValue } from '../../production.js';
import type { Extractor } from '../types.js';
import { op } from '../frameworks/calls.js';
import { parseShell } from './shell-parse.js';
import { embeddedShellCommands } from './shell.js';

const SOURCE = 'config';

export type TargetConfigKind = 'database-yml' | 'env-file' | 'compose' | 'setup-script';

/** Which kind of dev/test/setup config a path is, if any. Production-named files are excluded: they are meant to point there. */
export function targetConfigKind(path: string): TargetConfigKind | undefined {
  const name = path.replace(/^.*\//, '');
  if (/(^|[.\-_])(prod|production|live)([.\-_]|$)/i.test(name)) return undefined;
  if (/(^|\/)config\/database\.ya?ml$/.test(path)) return 'database-yml';
  if (/^\.env(\.(development|dev|test|local|example|sample)(\.local)?)?$/.test(name) || name === '.envrc') return 'env-file';
  if (/^(docker-)?compose[^/]*\.ya?ml$/.test(name)) return 'compose';
  if (/(^|\/)(bin|scripts?)\/(setup|bootstrap|dev[-_]?setup|onboard)[^/]*$/.test(path) || /(^|\/)setup\.sh$/.test(path))
    return 'setup-script';
  return undefined;
}

const HOST_KEYS = /(^|_)(host|hostname|url|uri|server|dsn|socket)$/i;
/** Keys that hold a database setting (an API_URL pointing at production is another matter). */
const DATABASE_KEYS = /(database|(^|_)db(_|$)|^pg|mysql|maria|redis|mongo|postgres|sql|cache|elastic)/i;
const DATABASE_SCHEMES =
  /^\s*['"]?(postgres(ql)?|mysql2?|mariadb|redis|rediss|mongodb(\+srv)?|sqlserver|mssql|jdbc:[a-z]+|cockroachdb|clickhouse|amqp)(:|\+)/i;
// NODE_ENV=production in a dev config selects a build mode, not a database (frameworks that
// do pick their database by NODE_ENV are caught where the command runs, in scripts).
const BUILD_MODE_KEYS = new Set(['NODE_ENV', 'BABEL_ENV']);

/** `databaseFile`: every key of the file is a database setting (config/database.yml). */
function pointsAtProduction(key: string, value: string, databaseFile = false): boolean {
  if (BUILD_MODE_KEYS.has(key)) return false;
  const dbKey = databaseFile || DATABASE_KEYS.test(key);
  if (HOST_KEYS.test(key) && dbKey && isProductionName(value) && /[.\-_]/.test(value)) return true;
  // RAILS_ENV=production, DJANGO_SETTINGS_MODULE=...production, PROD_DATABASE_URL=...
  if (/^[A-Z][A-Z0-9_]*$/.test(key) && isProductionAssignment(key, value) && !isProductionValue(value)) return true;
  return (
    isProductionValue(value) && (dbKey || DATABASE_SCHEMES.test(value) || /\$\{?[A-Z_]*(DATABASE|DB)/.test(value) || /ENV/.test(value))
  );
}

function yamlTargets(
  text: string,
  file: string,
  databaseFile: boolean,
  sections: (top: string) => boolean,
  walkFrom: (root: unknown) => Array<{ path: string[]; node: unknown }>,
): DbOperation[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  const ops: DbOperation[] = [];
  const visit = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      for (const p of node.items as Pair[]) {
        const key = isScalar(p.key) ? String(p.key.value) : '';
        if (key === '<<') continue;
        visit(p.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, idx) => {
        // compose list form: - DATABASE_URL=postgres://...
        if (isScalar(item) && typeof item.value === 'string' && /^[A-Za-z_]\w*=/.test(item.value)) {
          const [k, ...v] = item.value.split('=');
          check(item as Node, [...path, k as string], v.join('='));
        } else visit(item, [...path, String(idx)]);
      });
    } else if (isScalar(node) && node.value !== null && typeof node.value !== 'object') {
      check(node as Node, path, String(node.value));
    }
  };
  const check = (node: Node, path: string[], value: string): void => {
    const key = path[path.length - 1] ?? '';
    if (!pointsAtProduction(key, value, databaseFile)) return;
    const line = node.range ? lc.linePos(node.range[0]).line : 1;
    ops.push(
      op({
        kind: 'points-at-production',
        line,
        summary: `${file}: ${path.join('.')} = ${value}`,
        identity: ['points-at-production', file, path.join('.'), value],
        source: SOURCE,
        rollback: false,
      }),
    );
  };
  for (const { path, node } of walkFrom(doc.contents)) if (sections(path[0] ?? '')) visit(node, path);
  return ops;
}

function topLevel(root: unknown): Array<{ path: string[]; node: unknown }> {
  if (!isMap(root)) return [];
  return (root.items as Pair[]).map((p) => ({ path: [isScalar(p.key) ? String(p.key.value) : ''], node: p.value }));
}

/** compose: services.<name>.environment only. */
function composeEnvironments(root: unknown): Array<{ path: string[]; node: unknown }> {
  if (!isMap(root)) return [];
  const services = (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'services')?.value;
  if (!isMap(services)) return [];
  const out: Array<{ path: string[]; node: unknown }> = [];
  for (const s of services.items as Pair[]) {
    const name = isScalar(s.key) ? String(s.key.value) : '';
    if (!isMap(s.value)) continue;
    const env = (s.value.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'environment')?.value;
    if (env) out.push({ path: [name, 'environment'], node: env });
  }
  return out;
}

function envFileTargets(text: string, file: string): DbOperation[] {
  const ops: DbOperation[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(raw);
    if (!m) return;
    let value = m[2] as string;
    // Unquoted values end at an inline comment.
    if (!/^["']/.test(value)) value = value.replace(/\s+#.*$/, '');
    value = value.replace(/^(["'])(.*)\1$/, '$2');
    if (!pointsAtProduction(m[1] as string, value)) return;
    ops.push(
      op({
        kind: 'points-at-production',
        line: i + 1,
        summary: `${file}: ${m[1]}=${value}`,
        identity: ['points-at-production', file, m[1] as string, value],
        source: SOURCE,
        rollback: false,
      }),
    );
  });
  return ops;
}

function scriptTargets(text: string, file: string): DbOperation[] {
  const shebang = /^#!.*/.exec(text)?.[0] ?? '';
  const script = /\b(ruby|python\d*|node)\b/.test(shebang) ? embeddedShellCommands(text) : text;
  const ops: DbOperation[] = [];
  for (const cmd of parseShell(script)) {
    const words = cmd.words.map((w) => w.value);
    const program = (words.find((w) => !/^[A-Za-z_]\w*=/.test(w)) ?? '').replace(/^.*\//, '');
    // What a script prints is not where it connects.
    if (program === 'echo' || program === 'printf' || program === 'cat') continue;
    const assignments = words.filter((w) => /^[A-Za-z_]\w*=/.test(w));
    const prodAssign = assignments.find((a) => isProductionAssignment(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)));
    if (!prodAssign && !commandTargetsProduction(words)) continue;
    const text = words.join(' ');
    ops.push(
      op({
        kind: 'points-at-production',
        line: cmd.line,
        summary: `${file}: ${text.slice(0, 160)}`,
        identity: ['points-at-production', file, text],
        source: SOURCE,
        rollback: false,
      }),
    );
  }
  return ops;
}

export function extractConfigTargets(text: string, path: string): DbOperation[] {
  const kind = targetConfigKind(path);
  const file = path.replace(/^.*\//, '');
  switch (kind) {
    case 'database-yml':
      // Only sections that are not meant to be production.
      return yamlTargets(text, file, true, (top) => !/(prod|production|staging|live)/i.test(top), topLevel);
    case 'compose':
      return yamlTargets(text, file, false, () => true, composeEnvironments);
    case 'env-file':
      return envFileTargets(text, file);
    case 'setup-script':
      return scriptTargets(text, file);
    default:
      return [];
  }
}

/**
 * The file also resets or seeds a database (db:reset, db:seed, migrate reset, flush...):
 * pointed at production, it would wipe it. Comments are skipped.
 */
export function hasResetOrSeedCommand(text: string): boolean {
  const code = text
    .split('\n')
    .filter((l) => !/^\s*(#|\/\/)/.test(l))
    .join('\n');
  return /\b(db:(reset|seed|setup|drop|schema:load|structure:load|prepare|migrate:reset|purge|truncate_all)|migrate\s+reset|db\s+seed|manage\.py\s+(flush|loaddata|reset_db)|migrate:(fresh|refresh|reset)|db:wipe|ecto\.(reset|drop)|flushall|flushdb|dropDatabase|dropdb)\b/i.test(
    code,
  );
}

export const configTargetsExtractor: Extractor = {
  name: SOURCE,
  appliesTo: (path) => targetConfigKind(path) !== undefined,
  extract: extractConfigTargets,
};
