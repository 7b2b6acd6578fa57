// One bundler command for the Action (dist/index.js) and the CLI (dist/cli.js).
// The output must be byte-for-byte reproducible: CI rebuilds and fails if dist/ differs.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const out = 'dist';

mkdirSync(out, { recursive: true });

// Emscripten's loader and a few CommonJS dependencies expect require/__dirname; ESM has
// neither, so the bundle defines them. __dirname is dist/, where the WASM is copied.
const banner = [
  "import { createRequire as __twoKeyCreateRequire } from 'node:module';",
  "import { fileURLToPath as __twoKeyFileURLToPath } from 'node:url';",
  "import { dirname as __twoKeyDirname } from 'node:path';",
  'const require = __twoKeyCreateRequire(import.meta.url);',
  'const __filename = __twoKeyFileURLToPath(import.meta.url);',
  'const __dirname = __twoKeyDirname(__filename);',
].join('\n');

const entries = [
  ['src/cli.ts', 'cli.js'],
  ['src/action.ts', 'index.js'],
].filter(([src]) => existsSync(src));

for (const [src, file] of entries) {
  await build({
    entryPoints: [src],
    outfile: join(out, file),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: file === 'cli.js' ? `#!/usr/bin/env node\n${banner}` : banner },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

const wasmDir = dirname(require.resolve('libpg-query/package.json'));
for (const f of readdirSync(join(wasmDir, 'wasm'))) {
  if (f.endsWith('.wasm')) copyFileSync(join(wasmDir, 'wasm', f), join(out, f));
}
// Files are overwritten in place rather than after emptying dist/, so a test run that is
// executing dist/ never sees it missing; anything left from an older build is removed.
const expected = new Set([...entries.map(([, f]) => f), ...readdirSync(join(wasmDir, 'wasm')).filter((f) => f.endsWith('.wasm'))]);
for (const f of readdirSync(out)) if (!expected.has(f)) rmSync(join(out, f), { recursive: true, force: true });
console.log(`built ${entries.map(([, f]) => join(out, f)).join(', ')} and the PostgreSQL grammar (WASM)`);
