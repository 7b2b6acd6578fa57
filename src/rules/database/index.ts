import type { Rule } from '../types.js';
import { dropTable } from './drop-table.js';
import { dropDatabase } from './drop-database.js';
import { dropSchema } from './drop-schema.js';
import { dropView } from './drop-view.js';
import { truncate } from './truncate.js';
import { deleteWithoutWhere } from './delete-without-where.js';
import { updateWithoutWhere } from './update-without-where.js';
import { tautologicalWhere } from './tautological-where.js';
import { dropColumn } from './drop-column.js';
import { rename } from './rename.js';
import { alterColumnType } from './alter-column-type.js';
import { dropOwnedOrCascade } from './drop-owned-or-cascade.js';
import { dynamicDestructiveSql } from './dynamic-destructive-sql.js';
import { setNotNull } from './set-not-null.js';
import { volatileDefault } from './volatile-default.js';
import { indexWithoutConcurrently } from './index-without-concurrently.js';
import { constraintWithoutNotValid } from './constraint-without-not-valid.js';
import { destructiveCommand } from './destructive-command.js';
import { pointsAtProduction } from './points-at-production.js';

/** One rule per database operation kind; the command and production-targeting rules join when present. */
export const databaseRules: Rule[] = [
  dropTable,
  dropDatabase,
  dropSchema,
  dropView,
  truncate,
  deleteWithoutWhere,
  updateWithoutWhere,
  tautologicalWhere,
  dropColumn,
  rename,
  alterColumnType,
  dropOwnedOrCascade,
  dynamicDestructiveSql,
  setNotNull,
  volatileDefault,
  indexWithoutConcurrently,
  constraintWithoutNotValid,
  ...(destructiveCommand === null ? [] : [destructiveCommand]),
  ...(pointsAtProduction === null ? [] : [pointsAtProduction]),
];
