// npm run bench: wall time, MB/s and peak RSS of the whole CLI process (and of squawk 2.66
// on the same files, in the same run). Never a timed test. BENCH_RUNS (default 5) sets how many
// alternating runs of (a) the median is taken over. Generated data lives in a temp
// directory and is removed at the end.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generate } from './generate.js';
import { squawkBinary } from './squawk.js';

const SQUAWK = squawkBinary();
/** BENCH_CLI measures another build of the CLI (e.g. one built to a temp dir); default dist/cli.js. */
const CLI = process.env['BENCH_CLI'] ?? join('dist', 'cli.js');
const SQUAWK_TIMEOUT_S = Number(process.env['BENCH_SQUAWK_TIMEOUT'] ?? 60);
/**
 * Runs of (a), alternating two-key and squawk so both see the same machine load; the table
 * shows the median. (b) and (c) run once: squawk needs minutes on (b).
 */
const RUNS_A = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 5));

interface Measure {
  wallS: number;
  peakRssMb: number;
  exit: number | null;
  timedOut: boolean;
  /** Every run's wall time, when there were several. */
  walls?: number[];
}

/** The median run by wall time; peak RSS is the highest of all runs. */
function summarise(runs: Measure[]): Measure {
  const sorted = [...runs].sort((x, y) => x.wallS - y.wallS);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as Measure;
  return {
    ...median,
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    timedOut: runs.some((r) => r.timedOut),
    walls: runs.map((r) => r.wallS),
  };
}

/** Runs a command under /usr/bin/time -v: wall time and the peak RSS of the whole process. */
function measure(cmd: string[], timeoutS: number): Measure {
  const start = process.hrtime.bigint();
  const res = spawnSync('/usr/bin/time', ['-v', ...cmd], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 1024 * 1024 * 1024,
    killSignal: 'SIGKILL',
  });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr ?? '');
  const timedOut = res.error !== undefined && (res.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
  return { wallS, peakRssMb: rss ? Number(rss[1]) / 1024 : NaN, exit: res.status, timedOut };
}

/** A unified diff that adds each file, as `git diff` prints a new file. */
async function writeDiff(files: string[], out: string): Promise<void> {
  const w = createWriteStream(out);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    const path = `db/migrate/${basename(f)}`;
    w.write(`diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${lines.length} @@\n`);
    const body = '+' + lines.join('\n+') + '\n';
    if (!w.write(body)) await once(w, 'drain');
  }
  w.end();
  await once(w, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'two-key-bench-'));
try {
  console.log(`generating inputs in ${dir} ...`);
  const inputs = generate(dir);
  const sets: { name: string; files: string[]; target: string }[] = [
    { name: '(a) 500 migrations x 20 stmts', files: inputs.migrations, target: "<= squawk's wall time" },
    { name: '(b) 80,000 mixed statements', files: [inputs.mixed], target: '< 3 s' },
    { name: '(c) 50 MB seed of INSERTs', files: [inputs.seed], target: '< 5 s' },
  ];
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const rows: string[] = [];
  for (const set of sets) {
    const mb = set.files.reduce((sum, f) => sum + statSync(f).size, 0) / (1024 * 1024);
    const diff = join(dir, `${set.name.slice(1, 2)}.diff`);
    await writeDiff(set.files, diff);
    const runs = set.files.length > 1 ? RUNS_A : 1;
    const oursRuns: Measure[] = [];
    const theirsRuns: Measure[] = [];
    for (let r = 0; r < runs; r++) {
      oursRuns.push(measure([process.execPath, CLI, 'check', '--diff', diff, '--format', 'json', '--now', '2024-06-12T12:00:00Z'], 600));
      theirsRuns.push(measure([SQUAWK, ...set.files], set.files.length > 1 ? 600 : SQUAWK_TIMEOUT_S));
    }
    const ours = summarise(oursRuns);
    const theirs = summarise(theirsRuns);
    const fmt = (m: Measure): string => {
      if (m.timedOut) return `timed out after ${SQUAWK_TIMEOUT_S} s`;
      const all = m.walls !== undefined && m.walls.length > 1 ? ` (median of ${m.walls.map((w) => w.toFixed(2)).join(', ')})` : '';
      return `${m.wallS.toFixed(2)} s${all}, ${(mb / m.wallS).toFixed(1)} MB/s, peak RSS ${m.peakRssMb.toFixed(0)} MB (exit ${m.exit})`;
    };
    rows.push(`| ${set.name} | ${mb.toFixed(1)} MB | two-key: ${fmt(ours)} | squawk: ${fmt(theirs)} | target ${set.target} |`);
    console.log(rows[rows.length - 1]);
  }
  console.log('\n| input | size | two-key (whole CLI process) | squawk 2.66 | target |\n|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
