import type { Extractor } from './types.js';

/** ORM migration formats (Rails, Django, Alembic, Knex, ...). */
export const frameworkExtractors: Extractor[] = [];
