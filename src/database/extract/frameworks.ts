import type { DbOperation } from '../operations.js';
import { alembicExtractor } from './frameworks/alembic.js';
import { djangoExtractor } from './frameworks/django.js';
import { doctrineExtractor } from './frameworks/doctrine.js';
import { ectoExtractor } from './frameworks/ecto.js';
import { entityFrameworkExtractor } from './frameworks/entity-framework.js';
import { knexExtractor } from './frameworks/knex.js';
import { laravelExtractor } from './frameworks/laravel.js';
import { liquibaseExtractor } from './frameworks/liquibase.js';
import { prismaSchemaExtractor } from './frameworks/prisma.js';
import { railsExtractor } from './frameworks/rails.js';
import { sequelizeExtractor } from './frameworks/sequelize.js';
import { typeormExtractor } from './frameworks/typeorm.js';
import type { Extractor } from './types.js';

/** ORM migration formats (Rails, Django, Alembic, Knex, ...). */
export const frameworkExtractors: Extractor[] = [
  railsExtractor,
  djangoExtractor,
  alembicExtractor,
  knexExtractor,
  sequelizeExtractor,
  typeormExtractor,
  laravelExtractor,
  doctrineExtractor,
  ectoExtractor,
  entityFrameworkExtractor,
  liquibaseExtractor,
];

/**
 * Formats that declare a desired state (schema.prisma) rather than operations: the danger is
 * the difference between two versions, so they see both texts and return only new operations.
 */
export interface ChangeExtractor {
  name: string;
  appliesTo(path: string): boolean;
  /** Operations the change introduces; `null` for a side that does not exist (new or deleted file). */
  extractChange(before: string | null, after: string | null, path: string): DbOperation[];
}

export const changeExtractors: ChangeExtractor[] = [prismaSchemaExtractor];

/** Operations that only a before/after comparison reveals (a model removed from schema.prisma). */
export function changeOperations(before: string | null, after: string | null, path: string): DbOperation[] {
  return changeExtractors.filter((e) => e.appliesTo(path)).flatMap((e) => e.extractChange(before, after, path));
}
