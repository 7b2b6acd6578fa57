import type { DbOperation } from '../operations.js';
import { extractSql } from '../../sql/extract.js';
import { isRollbackPath } from '../../sql/sections.js';
import type { Extractor } from './types.js';

export interface SqlExtractOptions {
  /** Line of `sql`'s first line in the enclosing file, so embedded SQL reports real lines. Default 1. */
  baseLine?: number;
  /** Extractor name to report as source (e.g. `rails` for `execute "..."`); default from the parser used. */
  source?: string;
  /** The SQL runs only on rollback. */
  rollback?: boolean;
  /** The SQL is aimed at production. */
  production?: boolean;
}

/**
 * Operations in a SQL text, any dialect. Also used by framework and command extractors for
 * embedded SQL. Needs `loadParsers()` (src/sql/parsers.ts) to have resolved first.
 */
export function extractSqlOperations(sql: string, options: SqlExtractOptions = {}): DbOperation[] {
  return extractSql(sql, options);
}

export const sqlExtractor: Extractor = {
  name: 'sql',
  appliesTo: (path) => /\.sql$/i.test(path),
  extract: (text, path) => extractSqlOperations(text, { rollback: isRollbackPath(path) }),
};
