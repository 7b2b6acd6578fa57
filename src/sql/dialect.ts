import { MYSQL_LEX, POSTGRES_LEX, TSQL_LEX, type LexOptions } from './lexer.js';

export type Dialect = 'postgres' | 'mysql' | 'tsql';

/**
 * A cheap guess at the dialect, only to choose how comments and quotes are read before
 * splitting. The PostgreSQL grammar still gets the first word on every file; this guess
 * matters for files it rejects, where a MySQL `# don't` comment read as an operator and an
 * open string would otherwise swallow the statements that follow.
 */
export function guessDialect(text: string): Dialect {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // Cheap substring checks guard the multi-line regular expressions, which are slow on big files.
  const mayHaveGo = head.includes('GO') || head.includes('go');
  const mayHaveDelimiter = head.includes('DELIMITER') || head.includes('delimiter');
  if ((mayHaveGo && /^[ \t]*GO[ \t]*\d*[ \t]*\r?$/im.test(head)) || /\[dbo\]|\bsp_rename\b|\bIDENTITY\s*\(|\bNVARCHAR\b/i.test(head))
    return 'tsql';
  if (
    (head.includes('#') && /^[ \t]*#/m.test(head)) ||
    (mayHaveDelimiter && /^[ \t]*DELIMITER\s/im.test(head)) ||
    /`/.test(head) ||
    /\bENGINE\s*=|\bAUTO_INCREMENT\b/i.test(head)
  )
    return 'mysql';
  return 'postgres';
}

export function lexOptionsFor(dialect: Dialect): LexOptions {
  return dialect === 'mysql' ? MYSQL_LEX : dialect === 'tsql' ? TSQL_LEX : POSTGRES_LEX;
}
