import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHunks, parseUnifiedDiff, unquotePath } from '../../src/changes/diff.js';
import type { ChangedFile } from '../../src/changes/model.js';

/** Line numbers (head version) that the change added. */
const addedLineNumbers = (file: ChangedFile): number[] =>
  file.hunks.flatMap((h) => h.lines.filter((l) => l.kind === 'add').map((l) => l.newLine as number));

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseUnifiedDiff on a real `git diff -M`', () => {
  const files = parseUnifiedDiff(fixture('mixed.diff'));
  const byPath = (p: string) => {
    const f = files.find((x) => x.path === p);
    if (!f) throw new Error(`no ${p} in ${files.map((x) => x.path).join(', ')}`);
    return f;
  };

  it('finds every file once', () => {
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        'app/gone.txt',
        'app/logo.png',
        'app/new_name.rb',
        'app/tail.txt',
        'app/windows.txt',
        'db/migrate/001_init.sql',
        'db/migrate/002_drop.sql',
        'docs/caf é/read me.md',
      ].sort(),
    );
  });

  it('reads a rename with its old path and an edited line', () => {
    const f = byPath('app/new_name.rb');
    expect(f.status).toBe('renamed');
    expect(f.oldPath).toBe('app/old_name.rb');
    expect(addedLineNumbers(f)).toEqual([7]);
    expect(f.after?.split('\n')[6]).toBe('  puts 77');
  });

  it('reads a deletion as deleted with no head text', () => {
    const f = byPath('app/gone.txt');
    expect(f.status).toBe('deleted');
    expect(f.after).toBeNull();
    expect(f.before).toBe('obsolete');
  });

  it('marks a binary file and gives it no hunks', () => {
    const f = byPath('app/logo.png');
    expect(f.binary).toBe(true);
    expect(f.hunks).toEqual([]);
    expect(f.before).toBeNull();
  });

  it('strips CRLF from line texts but keeps the lines', () => {
    const f = byPath('app/windows.txt');
    expect(f.hunks[0]?.lines.map((l) => `${l.kind}:${l.text}`)).toEqual([
      'context:line one',
      'del:line two',
      'add:line 2',
      'context:line three',
    ]);
  });

  it('does not treat "\\ No newline at end of file" as content', () => {
    const f = byPath('app/tail.txt');
    expect(f.hunks[0]?.lines.map((l) => l.text)).toEqual(['no newline here', 'no newline here', 'now there is']);
    expect(f.after).toBe('no newline here\nnow there is');
  });

  it('numbers added lines in the head version', () => {
    const f = byPath('db/migrate/001_init.sql');
    expect(addedLineNumbers(f)).toEqual([3]);
    expect(f.partial).toBe(true);
    expect(f.after?.split('\n')[2]).toBe('DELETE FROM orders;');
  });

  it('reads a new file as added', () => {
    const f = byPath('db/migrate/002_drop.sql');
    expect(f.status).toBe('added');
    expect(f.before).toBeNull();
    expect(f.after).toBe('DROP TABLE legacy;');
  });

  it('decodes git-quoted paths with spaces and UTF-8 bytes', () => {
    expect(byPath('docs/caf é/read me.md').status).toBe('modified');
  });
});

describe('parseUnifiedDiff on other producers', () => {
  it('reads a plain `diff -u` without git headers, dropping timestamps', () => {
    const [f] = parseUnifiedDiff(fixture('plain.diff'));
    expect(f?.path).toBe('x.txt');
    expect(f?.hunks[0]?.lines.filter((l) => l.kind === 'add').map((l) => l.text)).toEqual(['B']);
  });

  it('reads a whole diff written with CRLF line endings', () => {
    const crlf = fixture('mixed.diff').replace(/\n/g, '\r\n');
    const files = parseUnifiedDiff(crlf);
    expect(files).toHaveLength(8);
    expect(files.find((f) => f.path === 'db/migrate/002_drop.sql')?.after).toBe('DROP TABLE legacy;');
  });

  it('returns nothing for an empty diff', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
  });

  it('keeps line numbers across several hunks, leaving unseen lines blank', () => {
    const hunks = parseHunks('@@ -1,2 +1,2 @@\n a\n-b\n+B\n@@ -10,1 +10,2 @@\n j\n+k\n');
    expect(hunks).toHaveLength(2);
    expect(hunks[1]?.lines.at(-1)).toEqual({ kind: 'add', text: 'k', oldLine: null, newLine: 11 });
  });
});

describe('unquotePath', () => {
  it('leaves plain paths alone and decodes octal escapes', () => {
    expect(unquotePath('a/b.sql')).toBe('a/b.sql');
    expect(unquotePath('"a/caf\\303\\251 \\"x\\".sql"')).toBe('a/café "x".sql');
  });
});
