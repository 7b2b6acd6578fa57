import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempRepo } from '../support/git-repo.js';
import { runtimes } from '../support/runtimes.js';

const CLI = resolve('dist/cli.js');

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface Report {
  risk: string;
  findings: { rule: string; category: string; severity: string; path: string; line: number | null }[];
  approvals: { required: number };
}

const MIGRATION = `-- 2026-11-20: tidy up after the users import
BEGIN;
UPDATE users SET email = lower(email) WHERE email <> lower(email);
COMMIT;
`;

describe.each(runtimes())('dist/cli.js under $name', ({ path: node }) => {
  const cli = (cwd: string, args: string[], input?: string, script = CLI): Result => {
    const r = spawnSync(node, [script, ...args], { cwd, input, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const json = (r: Result): Report => JSON.parse(r.stdout) as Report;

  let repo: TempRepo;
  beforeAll(() => {
    repo = new TempRepo();
    repo.commit({ 'db/migrate/20261120_tidy.sql': MIGRATION, 'README.md': '# app\n' }, 'base');
  });
  afterAll(() => repo.remove());

  it('flags DELETE without WHERE added to a .sql file and exits 1', () => {
    repo.commit({ 'db/migrate/20261120_tidy.sql': MIGRATION.replace('COMMIT;', 'DELETE FROM users;\nCOMMIT;') });
    const r = cli(repo.dir, ['check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json', '--now', '2026-11-18T10:00:00Z']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = json(r);
    const db = report.findings.filter((f) => f.category === 'database');
    expect(db.length).toBeGreaterThan(0);
    expect(db[0]).toMatchObject({ path: 'db/migrate/20261120_tidy.sql', line: 4 });
    expect(['high', 'critical']).toContain(db[0]?.severity);
    expect(report.approvals.required).toBeGreaterThanOrEqual(1);
  });

  it('gives no finding and exits 0 when the statement is only in a comment', () => {
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.commit({
      'db/migrate/20261120_tidy.sql': MIGRATION.replace('COMMIT;', '-- DELETE FROM users;\n/* DELETE FROM users; */\nCOMMIT;'),
    });
    const r = cli(repo.dir, ['check', '--base', 'HEAD~1', '--format', 'json', '--now', '2026-11-18T10:00:00Z']);
    expect(r.status).toBe(0);
    expect(json(r)).toMatchObject({ risk: 'none', findings: [] });
  });

  it('defaults --base to the merge base with main', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit({ 'db/drop.sql': 'DROP TABLE invoices;\n' });
    const r = cli(repo.dir, ['check', '--format', 'json', '--now', '2026-11-18T10:00:00Z']);
    expect(r.status).toBe(1);
    expect(json(r).findings.map((f) => f.path)).toContain('db/drop.sql');
    repo.git('checkout', '-q', 'main');
  });

  it('reads the config from the base: a head that switches to report mode is still enforced', () => {
    const sha = repo.commit({ 'db/reset.sql': 'TRUNCATE accounts;\n', '.github/two-key.yml': 'mode: report\n' });
    const r = cli(repo.dir, ['check', '--base', `${sha}~1`, '--format', 'json', '--now', '2026-11-18T10:00:00Z']);
    expect(r.status).toBe(1);
    expect(json(r).findings.map((f) => f.rule)).toContain('guard/config-change');
  });

  it('fails with exit 2 and names the key when the base config is invalid', () => {
    repo.commit({ '.github/two-key.yml': 'freeze:\n  - name: Friday\n    days: [fri]\n    from: "25:00"\n' });
    repo.commit({ 'app.txt': 'hello\n' });
    const r = cli(repo.dir, ['check', '--base', 'HEAD~1', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('freeze[0].from: expected HH:MM, got "25:00"');
    expect(r.stdout).toBe('');
  });

  it('reads a unified diff from standard input without a repository', () => {
    const diff =
      'diff --git a/seed.sql b/seed.sql\n--- a/seed.sql\n+++ b/seed.sql\n@@ -1,1 +1,2 @@\n INSERT INTO plans VALUES (1);\n+UPDATE plans SET price = 0;\n';
    const dir = mkdtempSync(join(tmpdir(), 'two-key-nogit-'));
    const r = cli(dir, ['check', '--diff', '-', '--format', 'json', '--now', '2026-11-18T10:00:00Z'], diff);
    rmSync(dir, { recursive: true });
    expect(r.status).toBe(1);
    expect(json(r).findings[0]).toMatchObject({ category: 'database', path: 'seed.sql', line: 2 });
  });

  it('runs from a copy of dist/ alone, loading the SQL grammar without node_modules', () => {
    const copy = mkdtempSync(join(tmpdir(), 'two-key-dist-'));
    cpSync(resolve('dist'), copy, { recursive: true });
    writeFileSync(
      join(copy, 'x.diff'),
      'diff --git a/a.sql b/a.sql\nnew file mode 100644\n--- /dev/null\n+++ b/a.sql\n@@ -0,0 +1 @@\n+DROP TABLE users;\n',
    );
    const r = cli(
      copy,
      ['check', '--diff', 'x.diff', '--format', 'json', '--now', '2026-11-18T10:00:00Z'],
      undefined,
      join(copy, 'cli.js'),
    );
    rmSync(copy, { recursive: true });
    expect(r.stderr).toBe('');
    expect(json(r).findings.map((f) => f.rule)).toContain('database/drop-table');
  });

  it('prints the same findings as text, markdown and SARIF', () => {
    const diff =
      'diff --git a/db/x.sql b/db/x.sql\nnew file mode 100644\n--- /dev/null\n+++ b/db/x.sql\n@@ -0,0 +1,2 @@\n+-- cleanup\n+TRUNCATE audit_log;\n';
    const args = (format: string) => ['check', '--diff', '-', '--format', format, '--now', '2026-11-18T10:00:00Z'];
    const text = cli(repo.dir, args('text'), diff);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^HIGH\s+db\/x\.sql:2\s+database\/truncate$/m);
    const markdown = cli(repo.dir, args('markdown'), diff);
    expect(markdown.stdout).toContain('### Two-Key: risk');
    expect(markdown.stdout).toContain('database/truncate');
    const sarif = JSON.parse(cli(repo.dir, args('sarif'), diff).stdout) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0]?.results[0];
    expect(result?.ruleId).toBe('database/truncate');
    expect(result?.locations[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'db/x.sql' }, region: { startLine: 2 } });
  });

  it.each([
    [['check', '--help'], 0, /Usage: two-key check/],
    [['--help'], 0, /two-key check \[options\]/],
    [['--version'], 0, /^\d+\.\d+\.\d+\n$/],
    [['check', '--format', 'yaml'], 2, /--format must be one of/],
    [['check', '--bogus'], 2, /unknown option "--bogus"/],
    [['deploy'], 2, /unknown command "deploy"/],
    [['check', '--now', 'friday'], 2, /--now must be an ISO-8601 time/],
    [['check', '--base', 'no-such-ref'], 2, /unknown revision "no-such-ref"/],
    [['check', '--diff', 'missing.diff'], 2, /cannot read the diff "missing.diff" \(ENOENT\)/],
    [['check', '--diff', '-', '--base', 'HEAD'], 2, /--diff cannot be combined with --base or --head/],
  ])('%j exits %i', (args, status, pattern) => {
    const r = cli(repo.dir, args);
    expect(r.status).toBe(status);
    expect(status === 0 ? r.stdout : r.stderr).toMatch(pattern);
  });
});
