// Synthetic inputs for the benchmark. Deterministic (a seeded generator), so runs compare.
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One realistic PostgreSQL migration statement; mostly additive, some risky. */
function statement(r: () => number, n: number): string {
  const t = `table_${Math.floor(r() * 200)}`;
  switch (Math.floor(r() * 12)) {
    case 0:
      return `CREATE TABLE ${t}_${n} (id bigserial PRIMARY KEY, name text);`;
    case 1:
      return `ALTER TABLE ${t} ADD COLUMN col_${n} text;`;
    case 2:
      return `CREATE INDEX CONCURRENTLY ${t}_col_${n}_idx ON ${t} (col_${n});`;
    case 3:
      return `INSERT INTO ${t} (id, name) VALUES (${n}, 'name ${n}');`;
    case 4:
      return `UPDATE ${t} SET name = 'x'\n WHERE id = ${n};`;
    case 5:
      return `DELETE FROM ${t} WHERE id < ${n};`;
    case 6:
      return `-- DROP TABLE ${t}\nSELECT 1 FROM ${t};`;
    case 7:
      return `COMMENT ON TABLE ${t} IS 'DELETE FROM ${t}';`;
    case 8:
      return `ALTER TABLE ${t} ALTER COLUMN name SET DEFAULT 'n/a';`;
    case 9:
      return `CREATE INDEX ${t}_${n}_idx ON ${t} (created_at);`;
    case 10:
      return `ALTER TABLE ${t} ADD CONSTRAINT ${t}_${n}_check CHECK (id > 0) NOT VALID;`;
    default:
      return `DROP TABLE IF EXISTS ${t}_old_${n};`;
  }
}

export interface BenchInputs {
  migrations: string[];
  mixed: string;
  seed: string;
}

export function generate(dir: string): BenchInputs {
  const r = rng(42);
  const migDir = join(dir, 'migrations');
  mkdirSync(migDir, { recursive: true });
  const migrations: string[] = [];
  let n = 0;
  for (let f = 0; f < 500; f++) {
    const stmts: string[] = [];
    for (let s = 0; s < 20; s++) stmts.push(statement(r, n++));
    const path = join(migDir, `${String(20240000000000 + f)}_change_${f}.sql`);
    writeFileSync(path, `-- migration ${f}\n${stmts.join('\n\n')}\n`);
    migrations.push(path);
  }

  const mixed = join(dir, 'mixed.sql');
  const parts: string[] = [];
  for (let s = 0; s < 80_000; s++) parts.push(statement(r, n++));
  writeFileSync(mixed, parts.join('\n') + '\n');

  const seed = join(dir, 'seed.sql');
  const out = createWriteStream(seed);
  const chunk: string[] = [];
  let bytes = 0;
  let id = 0;
  while (bytes < 50 * 1024 * 1024) {
    const row = `INSERT INTO customers (id, email, name, note, created_at) VALUES (${id}, 'user${id}@example.com', 'Customer ${id}', 'It''s a note; DROP TABLE is just text here', '2024-01-01 00:00:00+00');\n`;
    id++;
    bytes += row.length;
    chunk.push(row);
    if (chunk.length === 10_000) {
      out.write(chunk.join(''));
      chunk.length = 0;
    }
  }
  out.end(chunk.join(''));
  return { migrations, mixed, seed };
}
