// A small SQL lexer and statement splitter that works for every dialect we meet in
// migrations. It exists for two reasons: the PostgreSQL grammar rejects whole files
// written for other databases (and must not silence the analysis), and a 50 MB seed file
// of INSERTs must be skipped without building a token for every value in it.

export interface LexOptions {
  /** `#` starts a comment (MySQL/MariaDB). */
  hashComments: boolean;
  /** `` `x` `` is a quoted identifier (MySQL/MariaDB, SQLite). */
  backticks: boolean;
  /** `[x]` is a quoted identifier and a line `GO` ends a batch (SQL Server, SQLite). */
  brackets: boolean;
  /** `$$...$$` and `$tag$...$tag$` are string literals (PostgreSQL). */
  dollarQuotes: boolean;
  /** `'...\'...'` escapes with a backslash in every string (MySQL), not only in E'' strings. */
  backslashEscapes: boolean;
}

export type TokenType = 'word' | 'qident' | 'string' | 'number' | 'op' | 'punct';

export interface Token {
  type: TokenType;
  /** Words: upper-cased. Quoted identifiers and strings: their content. Others: the text. */
  value: string;
  /** Offset of the token's first character in the scanned text (UTF-16 index). */
  start: number;
  end: number;
  /** 1-based line of the token's first character. */
  line: number;
}

export interface Statement {
  /** Offset of the first token (after leading comments and whitespace). */
  start: number;
  /** Offset just past the statement's last token (the terminator is not included). */
  end: number;
  /** 1-based line of the statement's first keyword. */
  line: number;
  /** Upper-cased first word ('' when the statement starts with something else). */
  firstWord: string;
  /**
   * Tokens, or null when the statement was skipped as unable to be destructive. A CREATE of
   * something other than an index, function, procedure or trigger keeps only its first
   * PREFIX_TOKENS tokens: enough to name the table it creates.
   */
  tokens: Token[] | null;
}

export interface ScanResult {
  statements: Statement[];
  /** A string, quoted identifier or comment ran to the end of the text. */
  unterminated: boolean;
}

/** Statements that read or add data, or set session state: none of them can destroy data. */
const INERT_FIRST_WORDS = new Set([
  'INSERT',
  'SELECT',
  'VALUES',
  'REPLACE',
  'GRANT',
  'REVOKE',
  'COMMENT',
  'BEGIN',
  'COMMIT',
  'START',
  'END',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'LOCK',
  'UNLOCK',
  'ANALYZE',
  'VACUUM',
  'SHOW',
  'USE',
  'LISTEN',
  'NOTIFY',
  'PRINT',
  'DECLARE',
  'RESET',
  'DISCARD',
  'CHECKPOINT',
  'FETCH',
  'CLOSE',
  'MOVE',
  'TABLE',
  'CALL',
]);

export function isInertFirstWord(word: string): boolean {
  return INERT_FIRST_WORDS.has(word);
}

/** CREATE statements that can hide a risk (bodies, locks): they keep all their tokens. */
const CREATE_CANDIDATES = new Set(['INDEX', 'FUNCTION', 'PROCEDURE', 'PROC', 'TRIGGER']);
/** Tokens kept of any other CREATE (CREATE GLOBAL TEMPORARY TABLE IF NOT EXISTS "a"."b" is 12). */
const PREFIX_TOKENS = 24;

/** Operator characters: + - * / < > = ~ ! @ # % ^ & | ? : */
const OPERATOR_CHAR = new Uint8Array(128);
for (const ch of '+-*/<>=~!@#%^&|?:') OPERATOR_CHAR[ch.charCodeAt(0)] = 1;
const PUNCT_TEXT: Record<number, string> = { 40: '(', 41: ')', 44: ',', 59: ';', 46: '.' };

/**
 * The upper-cased word when it is one the splitter itself reacts to (BEGIN ATOMIC ... END,
 * CASE, GO), else ''. Used for words of skipped statements, which are never allocated.
 */
function splitterKeyword(text: string, from: number, to: number): string {
  const len = to - from;
  if (len < 2 || len > 6) return '';
  const w = text.slice(from, to).toUpperCase();
  return w === 'BEGIN' || w === 'ATOMIC' || w === 'CASE' || w === 'END' || w === 'GO' ? w : '';
}

const CH_NL = 10;
const CH_SPACE = 32;

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === CH_SPACE || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
}

/**
 * Splits `text` into statements. Statements whose first word is inert (INSERT, SELECT...)
 * are scanned without building tokens when `skipInert` is set: that is what keeps a seed
 * file of millions of rows fast.
 */
export function scanStatements(text: string, options: LexOptions, skipInert = true): ScanResult {
  const statements: Statement[] = [];
  const { unterminated } = eachStatement(text, options, skipInert, (s) => statements.push(s));
  return { statements, unterminated };
}

/**
 * scanStatements, handing each statement to `emit` as soon as it ends, so a caller can keep
 * what it needs of a statement and let its tokens go (a 80,000-statement file then never
 * holds every token at once).
 */
export function eachStatement(
  text: string,
  options: LexOptions,
  skipInert: boolean,
  emit: (statement: Statement) => void,
): { unterminated: boolean } {
  const n = text.length;
  let unterminated = false;
  let i = 0;
  let line = 1;
  let delimiter = ';';

  // State of the statement being read.
  let stmtStart = -1;
  let stmtLine = 0;
  let firstWord = '';
  let tokens: Token[] | null = null;
  let collecting = true;
  /** A CREATE that cannot be a candidate: its first tokens are kept, the rest skipped. */
  let prefixOnly = false;
  let lastEnd = 0;
  let atomicDepth = 0;
  let sawBegin = false;
  /** Offset of the start of the current line, to recognise `GO` and `\.` on a line of their own. */
  let lineStart = 0;

  const finish = (): void => {
    if (stmtStart >= 0) {
      const copyFromStdin = firstWord === 'COPY' && tokens !== null && tokens.some((t) => t.type === 'word' && t.value === 'STDIN');
      emit({ start: stmtStart, end: lastEnd, line: stmtLine, firstWord, tokens: collecting || prefixOnly ? tokens : null });
      if (copyFromStdin) skipCopyData();
    }
    stmtStart = -1;
    firstWord = '';
    tokens = null;
    collecting = true;
    prefixOnly = false;
    atomicDepth = 0;
    sawBegin = false;
  };

  // psql's COPY ... FROM stdin is followed by raw rows up to a line holding only `\.`.
  const skipCopyData = (): void => {
    while (i < n && text.charCodeAt(i) !== CH_NL) i++;
    while (i < n) {
      i++;
      line++;
      lineStart = i;
      let e = text.indexOf('\n', i);
      if (e < 0) e = n;
      const row = text.slice(i, e).trim();
      i = e;
      if (row === '\\.') return;
    }
  };

  const push = (type: TokenType, value: string, start: number, end: number, tokLine: number): void => {
    lastEnd = end;
    if (stmtStart < 0) {
      stmtStart = start;
      stmtLine = tokLine;
      firstWord = type === 'word' ? value : '';
      collecting = !(skipInert && INERT_FIRST_WORDS.has(firstWord));
      tokens = collecting ? [] : null;
    }
    if (collecting && tokens !== null) {
      tokens.push({ type, value, start, end, line: tokLine });
      if (skipInert && tokens.length === PREFIX_TOKENS && firstWord === 'CREATE' && !createMayBeCandidate(tokens)) {
        collecting = false;
        prefixOnly = true;
      }
    }
  };

  const countLines = (from: number, to: number): void => {
    let k = text.indexOf('\n', from);
    while (k >= 0 && k < to) {
      line++;
      lineStart = k + 1;
      k = text.indexOf('\n', k + 1);
    }
  };

  const onlySpaceBefore = (pos: number): boolean => {
    for (let k = lineStart; k < pos; k++) if (!isSpace(text.charCodeAt(k))) return false;
    return true;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === CH_NL) {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    // A custom delimiter (MySQL `DELIMITER //`) replaces `;`.
    if (delimiter !== ';' && text.startsWith(delimiter, i)) {
      i += delimiter.length;
      finish();
      continue;
    }
    // psql meta-commands (\connect, \set ...) take the rest of their line.
    if (c === 92 && stmtStart < 0) {
      while (i < n && text.charCodeAt(i) !== CH_NL) i++;
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    // Comments.
    if (c === 45 && next === 45) {
      while (i < n && text.charCodeAt(i) !== CH_NL) i++;
      continue;
    }
    if (c === 35 && options.hashComments) {
      while (i < n && text.charCodeAt(i) !== CH_NL) i++;
      continue;
    }
    if (c === 47 && next === 42) {
      let depth = 1;
      let k = i + 2;
      while (k < n && depth > 0) {
        const d = text.charCodeAt(k);
        if (d === 42 && text.charCodeAt(k + 1) === 47) {
          depth--;
          k += 2;
        } else if (d === 47 && text.charCodeAt(k + 1) === 42 && options.dollarQuotes) {
          depth++;
          k += 2;
        } else k++;
      }
      if (depth > 0) unterminated = true;
      countLines(i, k);
      i = k;
      continue;
    }
    const tokLine = line;
    // Strings.
    if (c === 39) {
      const end = readQuoted(text, i, 39, options.backslashEscapes);
      if (end < 0) unterminated = true;
      const stop = end < 0 ? n : end;
      push('string', collecting ? unquote(text.slice(i + 1, stop - 1), "'") : '', i, stop, tokLine);
      countLines(i, stop);
      i = stop;
      continue;
    }
    if (c === 34 || (c === 96 && options.backticks) || (c === 91 && options.brackets)) {
      const close = c === 91 ? 93 : c;
      const end = readQuoted(text, i, close, c === 34 && options.backslashEscapes);
      if (end < 0) unterminated = true;
      const stop = end < 0 ? n : end;
      push('qident', collecting ? unquote(text.slice(i + 1, stop - 1), String.fromCharCode(close)) : '', i, stop, tokLine);
      countLines(i, stop);
      i = stop;
      continue;
    }
    if (c === 36 && options.dollarQuotes) {
      let k = i + 1;
      while (k < n && isIdentPart(text.charCodeAt(k)) && text.charCodeAt(k) !== 36) k++;
      if (k < n && text.charCodeAt(k) === 36 && !isDigit(text.charCodeAt(i + 1))) {
        const tag = text.slice(i, k + 1);
        const close = text.indexOf(tag, k + 1);
        if (close < 0) unterminated = true;
        const stop = close < 0 ? n : close + tag.length;
        push('string', collecting ? text.slice(k + 1, close < 0 ? n : close) : '', i, stop, tokLine);
        countLines(i, stop);
        i = stop;
        continue;
      }
    }
    if (isIdentStart(c)) {
      let k = i + 1;
      // Keywords are mostly written in capitals already: then no upper-cased copy is needed.
      let lower = (c >= 97 && c <= 122) || c >= 128;
      for (; k < n; k++) {
        const d = text.charCodeAt(k);
        if (!isIdentPart(d) || (delimiter !== ';' && text.startsWith(delimiter, k))) break;
        if ((d >= 97 && d <= 122) || d >= 128) lower = true;
      }
      // E'..', N'..', X'..', B'..': a prefixed string literal.
      if (k === i + 1 && text.charCodeAt(k) === 39 && /[ENXBenxb]/.test(text[i] ?? '')) {
        const backslash = options.backslashEscapes || c === 69 || c === 101;
        const end = readQuoted(text, k, 39, backslash);
        if (end < 0) unterminated = true;
        const stop = end < 0 ? n : end;
        push('string', collecting ? unquote(text.slice(k + 1, stop - 1), "'") : '', i, stop, tokLine);
        countLines(i, stop);
        i = stop;
        continue;
      }
      const upper = stmtStart < 0 || collecting ? (lower ? text.slice(i, k).toUpperCase() : text.slice(i, k)) : splitterKeyword(text, i, k);
      // `DELIMITER $$` (mysql client): the rest of the line is the new delimiter.
      if (stmtStart < 0 && upper === 'DELIMITER') {
        let e = text.indexOf('\n', k);
        if (e < 0) e = n;
        const d = text.slice(k, e).trim();
        if (d !== '') delimiter = d;
        i = e;
        continue;
      }
      // `GO` alone on its line ends a T-SQL batch.
      if (options.brackets && upper === 'GO' && onlySpaceBefore(i)) {
        let e = text.indexOf('\n', k);
        if (e < 0) e = n;
        if (/^\s*\d*\s*(--.*)?$/.test(text.slice(k, e))) {
          finish();
          i = e;
          continue;
        }
      }
      if (upper === 'ATOMIC' && sawBegin) atomicDepth++;
      else if (atomicDepth > 0 && upper === 'CASE') atomicDepth++;
      else if (atomicDepth > 0 && upper === 'END') atomicDepth--;
      sawBegin = upper === 'BEGIN';
      push('word', upper, i, k, tokLine);
      i = k;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(next))) {
      let k = i + 1;
      while (k < n && (isIdentPart(text.charCodeAt(k)) || text.charCodeAt(k) === 46)) k++;
      push('number', collecting ? text.slice(i, k) : '', i, k, tokLine);
      i = k;
      continue;
    }
    if (c === 59 && delimiter === ';' && atomicDepth === 0) {
      i++;
      finish();
      continue;
    }
    if (c === 40 || c === 41 || c === 44 || c === 59 || c === 46) {
      push('punct', PUNCT_TEXT[c] ?? '', i, i + 1, tokLine);
      i++;
      continue;
    }
    // Operators: a run of operator characters (=, <>, ::, ||...).
    let k = i + 1;
    for (; k < n; k++) {
      const d = text.charCodeAt(k);
      if (d >= 128 || OPERATOR_CHAR[d] !== 1 || (d === 45 && text.charCodeAt(k + 1) === 45)) break;
    }
    push('op', collecting ? text.slice(i, k) : '', i, k, tokLine);
    i = k;
  }
  finish();
  return { unterminated };
}

/** Whether a CREATE's first tokens show an index, function, procedure or trigger. */
function createMayBeCandidate(tokens: readonly Token[]): boolean {
  for (let k = 1; k < 5 && k < tokens.length; k++) if (CREATE_CANDIDATES.has((tokens[k] as Token).value)) return true;
  return false;
}

/** Offset just past the closing quote, or -1 when the quote never closes. Doubled quotes escape. */
function readQuoted(text: string, open: number, close: number, backslash: boolean): number {
  const n = text.length;
  let k = open + 1;
  if (!backslash) {
    // The common case jumps from quote to quote natively.
    const quote = String.fromCharCode(close);
    for (;;) {
      const q = text.indexOf(quote, k);
      if (q < 0) return -1;
      if (text.charCodeAt(q + 1) !== close) return q + 1;
      k = q + 2;
    }
  }
  while (k < n) {
    const d = text.charCodeAt(k);
    if (backslash && d === 92) {
      k += 2;
      continue;
    }
    if (d === close) {
      if (text.charCodeAt(k + 1) === close) {
        k += 2;
        continue;
      }
      return k + 1;
    }
    k++;
  }
  return -1;
}

function unquote(inner: string, quote: string): string {
  return inner.includes(quote) ? inner.split(quote + quote).join(quote) : inner;
}

/** Tokens of a whole text (used on function bodies and fallback statements). */
export function tokenize(text: string, options: LexOptions): Token[] {
  return scanStatements(text, options, false).statements.flatMap((s) => s.tokens ?? []);
}

export const POSTGRES_LEX: LexOptions = {
  hashComments: false,
  backticks: false,
  brackets: false,
  dollarQuotes: true,
  backslashEscapes: false,
};
export const MYSQL_LEX: LexOptions = { hashComments: true, backticks: true, brackets: false, dollarQuotes: false, backslashEscapes: true };
export const TSQL_LEX: LexOptions = { hashComments: false, backticks: false, brackets: true, dollarQuotes: false, backslashEscapes: false };
