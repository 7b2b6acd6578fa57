// Sequelize migrations: see js-migrations.ts for the shared up/down handling.

import type { Extractor } from '../types.js';
import { extractJsMigration, JS_MIGRATION_PATH, jsFlavour } from './js-migrations.js';

export const sequelizeExtractor: Extractor = {
  name: 'sequelize',
  appliesTo: (path) => JS_MIGRATION_PATH.test(path) && !/\.d\.ts$/.test(path),
  extract: (text) => (jsFlavour(text) === 'sequelize' ? extractJsMigration(text, 'sequelize') : []),
};
