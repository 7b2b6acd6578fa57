// Is a command, URL, host or variable aimed at production? Production shows up as a name
// component (`prod-db.internal`, `app_production`, `PROD_DATABASE_URL`, `RAILS_ENV=production`).
// Components are split on `.`, `-`, `_` and `/`, so table names such as `production_orders`
// are never looked at (only hosts, URLs, database names and variables are), and words such as
// `product` or `reproduce` never match. Documentation placeholders (`example.com`,
// `localhost`) are never production.

const PRODUCTION_COMPONENTS = new Set(['prod', 'production', 'prd', 'live']);
const DB_VARIABLE_COMPONENTS = new Set([
  'DATABASE',
  'DB',
  'URL',
  'URI',
  'HOST',
  'DSN',
  'PG',
  'PGHOST',
  'PGDATABASE',
  'MYSQL',
  'POSTGRES',
  'POSTGRESQL',
  'REDIS',
  'MONGO',
  'MONGODB',
  'CONN',
  'CONNECTION',
  'SERVER',
]);
const PLACEHOLDER_HOST =
  /(^|\.)(example\.(com|org|net)|localhost|invalid|test|example|local|localdomain)$|^127\.|^0\.0\.0\.0$|^::1$|^\[::1\]$/i;

function components(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[.\-_/:]+/)
    .filter((c) => c !== '');
}

/** A host or database name that names production: `prod-db.internal`, `db.live.acme.io`, `app_production`. */
export function isProductionName(name: string): boolean {
  if (PLACEHOLDER_HOST.test(name)) return false;
  return components(name).some((c) => PRODUCTION_COMPONENTS.has(c));
}

/** `postgres://u:p@prod-db:5432/app` -> host and database; undefined when `text` is not a URL. */
export function parseDatabaseUrl(text: string): { host: string; database: string } | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/?#\s]*)(?::\d+)?(?:\/([^?#\s]*))?/i.exec(text.trim());
  if (!m) return undefined;
  return { host: m[1] ?? '', database: m[2] ?? '' };
}

/** A database URL whose host (or, on a real host, database name) names production. */
export function isProductionUrl(text: string): boolean {
  const url = parseDatabaseUrl(text);
  if (!url) return false;
  if (PLACEHOLDER_HOST.test(url.host) || url.host === '') return false;
  return isProductionName(url.host) || isProductionName(url.database);
}

/** `PROD_DATABASE_URL`, `LIVE_DB_HOST`: an environment variable that names a production database. */
export function isProductionVariable(name: string): boolean {
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) return false;
  const parts = name.split('_');
  return parts.some((p) => PRODUCTION_COMPONENTS.has(p.toLowerCase())) && parts.some((p) => DB_VARIABLE_COMPONENTS.has(p));
}

/** `RAILS_ENV=production`, `MIX_ENV=prod`, `DJANGO_SETTINGS_MODULE=app.settings.production`. */
export function isProductionAssignment(name: string, value: string): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  if (/(^|_)ENV$|^ENVIRONMENT$|^STAGE$/.test(name)) return /^(prod|production|live)$/i.test(v);
  if (name === 'DJANGO_SETTINGS_MODULE') return components(v).some((c) => c === 'prod' || c === 'production');
  if (isProductionVariable(name) && v !== '') return true;
  return isProductionValue(v);
}

/** A value that points at production by itself: a production URL, or a `$PROD_DATABASE_URL` reference. */
export function isProductionValue(value: string): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  if (isProductionUrl(v)) return true;
  for (const m of v.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)) if (isProductionVariable(m[1] as string)) return true;
  // ERB / templating: <%= ENV['PROD_DATABASE_URL'] %>, ENV.fetch("PROD_DB_HOST")
  for (const m of v.matchAll(/ENV(?:\.fetch)?[[(]\s*['"]([A-Z][A-Z0-9_]*)['"]/g)) if (isProductionVariable(m[1] as string)) return true;
  // Embedded URL inside a longer string: "host=prod-db.internal dbname=app" or a connection string.
  for (const m of v.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi)) if (isProductionUrl(m[0])) return true;
  for (const m of v.matchAll(/\bhost=([^\s'";]+)/gi)) if (isProductionName(m[1] as string) && /[.-]/.test(m[1] as string)) return true;
  return false;
}

/** Flags whose value is a host, database, app or environment. */
const TARGET_FLAGS =
  /^(-h|--host|-H|--hostname|--dbname|-d|--database|--db|-a|--app|--env|-e|--environment|--context|--settings|-S|--server|--uri|--url)$/;

/**
 * Whether a command line is aimed at production: its environment assignments, its arguments
 * (URLs, `--env=production`, `-h prod-db`), and variables it references.
 */
export function commandTargetsProduction(words: readonly string[], env: ReadonlyMap<string, string> = new Map()): boolean {
  for (const [name, value] of env) if (isProductionAssignment(name, value)) return true;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as string;
    if (isProductionValue(w)) return true;
    const eq = /^(--?[\w-]+)=(.*)$/.exec(w);
    if (eq && TARGET_FLAGS.test(eq[1] as string) && isTargetValue(eq[2] as string)) return true;
    if (TARGET_FLAGS.test(w) && k + 1 < words.length && isTargetValue(words[k + 1] as string)) return true;
    // -hprod-db (mysql style, no space)
    const glued = /^-h(.+)$/.exec(w);
    if (glued && isProductionName(glued[1] as string) && /[.-]/.test(glued[1] as string)) return true;
    const assign = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(w);
    if (assign && isProductionAssignment(assign[1] as string, assign[2] as string)) return true;
  }
  return false;
}

function isTargetValue(v: string): boolean {
  const value = v.replace(/^['"]|['"]$/g, '');
  return isProductionValue(value) || isProductionName(value) || /^(config\.)?settings\.prod(uction)?$/.test(value);
}
