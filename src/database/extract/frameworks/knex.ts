// Knex migrations: see js-migrations.ts for the shared up/down handling.

import type { Extractor } from '../types.js';
import { extractJsMigration, JS_MIGRATION_PATH, jsFlavour } from './js-migrations.js';

export const knexExtractor: Extractor = {
  name: 'knex',
  appliesTo: (path) => JS_MIGRATION_PATH.test(path) && !/\.d\.ts$/.test(path),
  extract: (text) => (jsFlavour(text) === 'knex' ? extractJsMigration(text, 'knex') : []),
};
