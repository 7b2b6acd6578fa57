// npm run schema: writes schema/two-key.schema.json from the zod schema, so editors can
// validate .github/two-key.yml. `--check` fails when the committed file is stale (CI).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../src/config/schema.js';

const OUT = 'schema/two-key.schema.json';

export function schemaText(): string {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  const doc = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/two-key/two-key/blob/main/schema/two-key.schema.json',
    title: 'Two-Key config (.github/two-key.yml), v1',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (process.argv[1]?.endsWith('schema.ts')) {
  const text = schemaText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      // Missing counts as stale.
    }
    if (current !== text) {
      console.error(`${OUT} is stale: run npm run schema`);
      process.exit(1);
    }
  } else {
    mkdirSync('schema', { recursive: true });
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}
