// What a shell command does to a database: wipe/reset tasks of every framework's CLI, SQL
// given to a database client (-c, -e, heredoc, pipe), Redis flushes and Mongo shell code.
// Used for shell scripts, Makefile recipes, Dockerfile RUN lines, workflow `run:` steps and
// package.json scripts alike.

import type { DbOperation } from '../../operations.js';
import { commandTargetsProduction, isProductionAssignment } from '../../production.js';
import { embeddedSql, op } from '../frameworks/calls.js';
import { extractMongoShell } from './mongo.js';
import { parseShell, type SimpleCommand, type Word } from './shell-parse.js';

export interface ScriptContext {
  /** Reported as DbOperation.source: `shell`, `makefile`, `dockerfile`, `workflow`, `package-json`. */
  source: string;
  /** Variables known before the script runs (workflow `env:`, Dockerfile `ENV`). */
  env?: ReadonlyMap<string, string>;
  /** Everything in this script runs against production (a job with `environment: production`). */
  production?: boolean;
}

const WRAPPERS = new Set([
  'sudo',
  'exec',
  'time',
  'nohup',
  'command',
  'nice',
  'xargs',
  'npx',
  'bunx',
  'pnpx',
  'yarn',
  'pnpm',
  'python',
  'python3',
  'php',
  'ruby',
  'node',
  'then',
  'do',
  'else',
  '!',
  'if',
  'while',
  'until',
]);
/** Wrapper flags that take a value (so the value is not the wrapped program). */
const VALUE_FLAGS = new Set([
  '-u',
  '--user',
  '-e',
  '--env',
  '-w',
  '--workdir',
  '-a',
  '--app',
  '-n',
  '--namespace',
  '-c',
  '--container',
  '-f',
  '--file',
  '-p',
  '--project-name',
  '-r',
  '--remote',
  '--context',
]);

const DB_CLIENTS = new Set([
  'psql',
  'mysql',
  'mariadb',
  'sqlcmd',
  'sqlite3',
  'duckdb',
  'cockroach',
  'clickhouse-client',
  'mysqlsh',
  'pgcli',
  'mycli',
  'usql',
]);
const SQL_FLAGS = new Set(['-c', '--command', '-e', '--execute', '-Q', '-q', '--query', '--sql']);

const RAILS_TASKS = new Set([
  'db:drop',
  'db:drop:all',
  'db:reset',
  'db:schema:load',
  'db:structure:load',
  'db:migrate:reset',
  'db:purge',
  'db:purge:all',
  'db:truncate_all',
  'db:seed:replant',
  'db:test:purge',
]);
const ARTISAN_TASKS = new Set(['migrate:fresh', 'migrate:reset', 'migrate:refresh', 'db:wipe']);
const MIX_TASKS = new Set(['ecto.drop', 'ecto.reset']);
const SEQUELIZE_TASKS = new Set(['db:drop', 'db:migrate:undo:all']);

const base = (p: string): string => p.replace(/^.*\//, '');

/** Drops env assignments and wrappers (`sudo`, `bundle exec`, `docker compose exec web`, ...). */
function unwrap(words: readonly Word[], env: Map<string, string>): Word[] {
  let ws = [...words];
  for (let guard = 0; guard < 20 && ws.length > 0; guard++) {
    const w = (ws[0] as Word).value;
    const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w);
    if (assign) {
      env.set(assign[1] as string, assign[2] as string);
      ws = ws.slice(1);
      continue;
    }
    const b = base(w);
    if (b === 'env') {
      ws = ws.slice(1);
      while (ws[0] && /^-/.test(ws[0].value)) ws = ws.slice(ws[0].value === '-u' ? 2 : 1);
      continue;
    }
    if (WRAPPERS.has(b)) {
      ws = ws.slice(1);
      while (ws[0] && /^-/.test(ws[0].value)) ws = ws.slice(VALUE_FLAGS.has(ws[0].value) ? 2 : 1);
      if ((b === 'yarn' || b === 'pnpm') && (ws[0]?.value === 'exec' || ws[0]?.value === 'dlx')) ws = ws.slice(1);
      continue;
    }
    const next = ws[1]?.value;
    if (
      (b === 'bundle' && next === 'exec') ||
      ((b === 'poetry' || b === 'pipenv' || b === 'uv') && next === 'run') ||
      (b === 'npm' && next === 'exec')
    ) {
      ws = ws.slice(2);
      continue;
    }
    // docker compose exec|run [flags] service ..., docker exec [flags] container ..., kubectl exec ... -- ..., heroku run ...
    if ((b === 'docker' && next === 'compose') || b === 'docker-compose' || b === 'docker' || b === 'kubectl' || b === 'heroku') {
      let k = b === 'docker' && next === 'compose' ? 2 : 1;
      const verb = ws[k]?.value;
      if (!(verb === 'exec' || verb === 'run')) return ws;
      k++;
      const dashdash = ws.findIndex((x, idx) => idx >= k && x.value === '--');
      if (b === 'kubectl' && dashdash !== -1) {
        ws = ws.slice(dashdash + 1);
        continue;
      }
      while (ws[k] && /^-/.test((ws[k] as Word).value)) {
        const f = (ws[k] as Word).value;
        // Flags with values can still say where we are going: `-e RAILS_ENV=production`, `-a myapp-production`.
        if (VALUE_FLAGS.has(f) && ws[k + 1]) {
          const v = (ws[k + 1] as Word).value;
          const a = /^([A-Za-z_]\w*)=(.*)$/.exec(v);
          if (a) env.set(a[1] as string, a[2] as string);
          else if (f === '-a' || f === '--app' || f === '--context' || f === '-n' || f === '--namespace') env.set('TWO_KEY_TARGET_APP', v);
          k += 2;
        } else k++;
      }
      // heroku run has no service word; the others name a service/container/pod.
      ws = ws.slice(b === 'heroku' ? k : k + 1);
      continue;
    }
    break;
  }
  return ws;
}

function valueOfFlag(args: readonly Word[], flags: ReadonlySet<string>): Word[] {
  const out: Word[] = [];
  for (let k = 0; k < args.length; k++) {
    const w = args[k] as Word;
    const eq = /^(--?[\w-]+)=(.*)$/s.exec(w.value);
    if (eq && flags.has(eq[1] as string)) out.push({ ...w, value: eq[2] as string });
    else if (flags.has(w.value) && args[k + 1]) out.push(args[++k] as Word);
  }
  return out;
}

export function analyzeCommand(cmd: SimpleCommand, ctx: ScriptContext, vars: Map<string, string>): DbOperation[] {
  const env = new Map<string, string>();
  const words = unwrap(cmd.words, env);
  // A command made only of assignments sets variables for the rest of the script.
  if (words.length === 0) {
    for (const [k, v] of env) vars.set(k, v);
    if (cmd.stdin && cmd.stdin.body !== '') return analyzeScript(cmd.stdin.body, ctx, cmd.stdin.line, vars);
    return [];
  }
  const program = base((words[0] as Word).value);
  const args = words.slice(1);
  const argv = args.map((w) => w.value);
  if (program === 'export' || program === 'declare' || program === 'local' || program === 'readonly') {
    for (const a of argv) {
      const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(a);
      if (m) vars.set(m[1] as string, m[2] as string);
    }
    return [];
  }
  // bash -c "...": analyse the inner script.
  if ((program === 'sh' || program === 'bash' || program === 'zsh') && argv[0] === '-c' && args[1]) {
    return analyzeScript(args[1].value, ctx, args[1].line, vars, env);
  }

  // Variables referenced by the command resolve to their values for production detection.
  const referenced = new Map<string, string>(env);
  for (const w of [...argv, ...env.values()]) {
    for (const m of w.matchAll(/\$\{?([A-Za-z_]\w*)/g)) {
      const v = vars.get(m[1] as string);
      if (v !== undefined) referenced.set(m[1] as string, v);
    }
  }
  for (const [k, v] of vars) if (/(^|_)ENV$/.test(k) && isProductionAssignment(k, v)) referenced.set(k, v);
  const targetApp = env.get('TWO_KEY_TARGET_APP');
  const production = ctx.production === true || commandTargetsProduction([...argv, ...(targetApp ? ['--app', targetApp] : [])], referenced);
  const line = cmd.line;
  const task = (name: string): DbOperation =>
    op({
      kind: 'destructive-command',
      line,
      summary: `${[program, ...argv].join(' ').slice(0, 120)}`,
      identity: ['command', program, name, production ? 'production' : ''],
      source: ctx.source,
      rollback: false,
      production,
    });

  const ops: DbOperation[] = [];
  if (program === 'rails' || program === 'rake') {
    for (const a of argv) if (RAILS_TASKS.has(a)) ops.push(task(a));
  } else if (program === 'manage.py' || program === 'django-admin') {
    for (const a of argv) if (a === 'flush' || a === 'reset_db') ops.push(task(a));
  } else if (program === 'prisma') {
    if (argv[0] === 'migrate' && argv[1] === 'reset') ops.push(task('migrate reset'));
    if (argv[0] === 'db' && argv[1] === 'push' && (argv.includes('--accept-data-loss') || argv.includes('--force-reset')))
      ops.push(task('db push --accept-data-loss'));
  } else if (program === 'artisan') {
    for (const a of argv) if (ARTISAN_TASKS.has(a)) ops.push(task(a));
  } else if (program === 'mix') {
    for (const a of argv) if (MIX_TASKS.has(a)) ops.push(task(a));
  } else if (program === 'sequelize' || program === 'sequelize-cli') {
    for (const a of argv) if (SEQUELIZE_TASKS.has(a)) ops.push(task(a));
  } else if (program.startsWith('typeorm')) {
    if (argv.includes('schema:drop')) ops.push(task('schema:drop'));
  } else if (program === 'flyway') {
    if (argv.includes('clean')) ops.push(task('clean'));
  } else if (program === 'liquibase') {
    if (argv.some((a) => /^drop-?all$/i.test(a))) ops.push(task('dropAll'));
  } else if (program === 'alembic') {
    if (argv[argv.indexOf('downgrade') + 1] === 'base' && argv.includes('downgrade')) ops.push(task('downgrade base'));
  } else if (program === 'dropdb') {
    const db = argv.filter((a) => !a.startsWith('-')).pop() ?? '';
    ops.push(
      op({
        kind: 'drop-database',
        line,
        summary: `dropdb ${db}`,
        identity: ['dropdb', db, production ? 'production' : ''],
        source: ctx.source,
        rollback: false,
        production,
      }),
    );
  } else if (program === 'mysqladmin') {
    const k = argv.indexOf('drop');
    if (k !== -1)
      ops.push(
        op({
          kind: 'drop-database',
          line,
          summary: `mysqladmin drop ${argv[k + 1] ?? ''}`,
          identity: ['mysqladmin-drop', argv[k + 1] ?? '', production ? 'production' : ''],
          source: ctx.source,
          rollback: false,
          production,
        }),
      );
  } else if (program === 'redis-cli') {
    const flush = argv.find((a) => /^flush(all|db)$/i.test(a)) ?? (cmd.stdin && /\bflush(all|db)\b/i.exec(cmd.stdin.body)?.[0]);
    if (flush) ops.push(task(flush.toUpperCase()));
  } else if (DB_CLIENTS.has(program)) {
    const pieces = valueOfFlag(args, SQL_FLAGS).map((w) => ({ sql: w.value, line: w.line }));
    if ((program === 'sqlite3' || program === 'duckdb') && pieces.length === 0) {
      const positional = args.filter((w) => !w.value.startsWith('-'));
      if (positional[1]) pieces.push({ sql: positional[1].value, line: positional[1].line });
    }
    if (cmd.stdin && cmd.stdin.body !== '') pieces.push({ sql: cmd.stdin.body, line: cmd.stdin.line });
    const from = cmd.pipedFrom;
    if (from) {
      const fromProgram = base(from.words[0]?.value ?? '');
      if (fromProgram === 'echo' || fromProgram === 'printf') {
        const text = from.words.slice(1).filter((w) => !/^-[neE]$/.test(w.value));
        if (text[0]) pieces.push({ sql: text.map((w) => w.value).join(' '), line: text[0].line });
      } else if (fromProgram === 'cat' && from.stdin) pieces.push({ sql: from.stdin.body, line: from.stdin.line });
    }
    ops.push(...embeddedSql(pieces, ctx.source, false, production));
  } else if (program === 'mongosh' || program === 'mongo') {
    const evals = valueOfFlag(args, new Set(['--eval']));
    for (const e of evals) ops.push(...extractMongoShell(e.value, ctx.source, e.line, production));
    if (cmd.stdin && cmd.stdin.body !== '') ops.push(...extractMongoShell(cmd.stdin.body, ctx.source, cmd.stdin.line, production));
  }
  return ops;
}

/** Every database operation of a shell script. `baseLine` is the line of its first line in the file. */
export function analyzeScript(
  text: string,
  ctx: ScriptContext,
  baseLine = 1,
  vars?: Map<string, string>,
  inherited?: ReadonlyMap<string, string>,
): DbOperation[] {
  const known = vars ?? new Map<string, string>(ctx.env ?? []);
  if (inherited) for (const [k, v] of inherited) known.set(k, v);
  return parseShell(text, baseLine).flatMap((cmd) => analyzeCommand(cmd, ctx, known));
}
