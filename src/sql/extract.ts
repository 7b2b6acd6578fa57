// From a SQL text to operations: split with our lexer, skip what cannot be destructive,
// parse the rest with the PostgreSQL grammar in one call, and when the grammar rejects the
// file, go statement by statement: PostgreSQL, then node-sql-parser, then the token classifier.

import type { DbOperation } from '../database/operations.js';
import { classifyTokens, createdIndex, createdTable, tokenFingerprint } from './classify.js';
import { guessDialect, lexOptionsFor, type Dialect } from './dialect.js';
import { eachStatement, type Statement, type Token } from './lexer.js';
import { mysqlFamilyOps } from './mysql-family.js';
import { astFingerprint, opsFromPgStatement, parsePostgres, PgSyntaxError, type PgRawStatement } from './postgres.js';
import { downSectionLines } from './sections.js';
import { EXISTING_TABLE_KINDS, POSTGRES_ONLY_KINDS, type SqlOp } from './sql-op.js';

export interface SqlExtractOptions {
  baseLine?: number;
  source?: string;
  rollback?: boolean;
  production?: boolean;
}

/** First words of statements that may destroy data or lock a table; everything else is skipped. */
const CANDIDATE_FIRST_WORDS = new Set([
  'DROP',
  'TRUNCATE',
  'DELETE',
  'UPDATE',
  'ALTER',
  'CREATE',
  'DO',
  'WITH',
  'EXECUTE',
  'EXEC',
  'PREPARE',
  'PERFORM',
  'RENAME',
  'EXPLAIN',
  'SET',
]);

/** Statements whose risk hides in a body or a nested statement: always given to the grammar. */
const NESTING_FIRST_WORDS = new Set(['DO', 'WITH', 'EXPLAIN', 'EXECUTE', 'EXEC', 'PREPARE', 'PERFORM', 'SET']);

/**
 * A cheap screen before the grammar: a DELETE with an ordinary WHERE, an ADD COLUMN or a
 * CREATE INDEX CONCURRENTLY cannot be destructive, and skipping them keeps a 500-file PR
 * fast. Only statements the token classifier finds something in (or that nest other
 * statements) are parsed; the grammar then decides precisely.
 */
function worthParsing(s: Statement, dialect: Dialect): boolean {
  if (NESTING_FIRST_WORDS.has(s.firstWord)) return true;
  const tokens = s.tokens ?? [];
  if (s.firstWord === 'CREATE' && !wordsAfterCreate(tokens).includes('INDEX')) return true;
  return classifyTokens(tokens, dialect).length > 0;
}

/** Values of tokens 1 to 4 (what a CREATE creates: UNIQUE INDEX, OR REPLACE FUNCTION...). */
function wordsAfterCreate(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let k = 1; k < 5 && k < tokens.length; k++) out.push((tokens[k] as Token).value);
  return out;
}

function isCandidate(s: Statement): boolean {
  if (s.tokens === null || !CANDIDATE_FIRST_WORDS.has(s.firstWord)) return false;
  if (s.firstWord === 'CREATE') {
    const words = wordsAfterCreate(s.tokens);
    return (
      words.includes('INDEX') ||
      words.includes('FUNCTION') ||
      words.includes('PROCEDURE') ||
      words.includes('PROC') ||
      words.includes('TRIGGER')
    );
  }
  // SET only matters when it builds dynamic SQL in a variable (SET @sql = 'DROP ...').
  if (s.firstWord === 'SET') return s.tokens.some((t) => t.type === 'string');
  return true;
}

/** A statement with what it creates, for the "created earlier in this file" checks. */
interface Scanned {
  statement: Statement;
  table: string | null;
  index: string | null;
}

interface Parsed {
  ops: SqlOp[];
  fingerprint: string;
  source: string;
  note?: string;
}

interface Chunk {
  statement: Statement;
  text: string;
}

interface Offsets {
  /** Start of each chunk in the joined text, in characters. */
  chars: number[];
  /** The same in UTF-8 bytes, which is what the grammar reports. */
  bytes: number[];
}

/** The chunks joined into one text for one grammar call, with where each one starts. */
function joinChunks(chunks: readonly Chunk[]): { joined: string; offsets: Offsets } {
  const parts: string[] = [];
  const chars: number[] = [];
  const bytes: number[] = [];
  let c = 0;
  let b = 0;
  for (const chunk of chunks) {
    chars.push(c);
    bytes.push(b);
    parts.push(chunk.text, ';\n');
    c += chunk.text.length + 2;
    b += Buffer.byteLength(chunk.text, 'utf8') + 2;
  }
  return { joined: parts.join(''), offsets: { chars, bytes } };
}

/** The chunk whose first keyword lies at or after the grammar's statement location. */
function chunkAt(offsets: Offsets, byteLocation: number): number {
  const starts = offsets.bytes;
  let lo = 0;
  let hi = starts.length - 1;
  let found = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) >= byteLocation) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** The chunk holding a character position of the joined text (the grammar's error cursor). */
function chunkAtChar(chunks: readonly Chunk[], offsets: Offsets, charPos: number): Chunk | undefined {
  let best: Chunk | undefined;
  for (let k = 0; k < chunks.length; k++) {
    if ((offsets.chars[k] as number) <= charPos) best = chunks[k];
    else break;
  }
  return best;
}

function parseOneByOne(chunk: Chunk, dialect: Dialect, note: string): Parsed {
  try {
    const stmts = parsePostgres(chunk.text);
    const ops = stmts.flatMap((s) => opsFromPgStatement(s.stmt));
    return {
      ops,
      // Joined per statement, so a statement keeps its fingerprint when a later edit makes the grammar reject the file.
      fingerprint: ops.length === 0 ? '' : stmts.map((s) => astFingerprint(s.stmt)).join('\n'),
      source: 'postgres',
      note,
    };
  } catch {
    // The PostgreSQL grammar rejects this statement too: try the MySQL family.
  }
  const tokens = chunk.statement.tokens ?? [];
  const mysql = mysqlFamilyOps(chunk.text, dialect);
  const ops = mysql !== null ? mysql.ops : classifyTokens(tokens, dialect);
  const fingerprint = ops.length === 0 ? '' : tokenFingerprint(tokens);
  if (mysql !== null) return { ops, fingerprint, source: 'sql-text', note: `parsed with the ${mysql.grammar} grammar fallback: ${note}` };
  return { ops, fingerprint, source: 'sql-text', note: `parsed with the text fallback: ${note}` };
}

/**
 * Candidates go to the grammar in batches of about this many characters: one call per batch
 * keeps the WebAssembly boundary cheap, and the batch's AST (whose JSON is ~20 times the SQL)
 * is reduced to operations and dropped before the next one, so memory stays flat on big files.
 */
const BATCH_CHARS = 128 * 1024;

/** Parses every candidate with the PostgreSQL grammar; throws PgSyntaxError with the failing chunk. */
function parseAll(chunks: Chunk[], add: (s: Statement, p: Parsed) => void): void {
  let from = 0;
  while (from < chunks.length) {
    let to = from;
    let size = 0;
    while (to < chunks.length && (to === from || size + (chunks[to] as Chunk).text.length <= BATCH_CHARS)) {
      size += (chunks[to] as Chunk).text.length + 2;
      to++;
    }
    const batch = chunks.slice(from, to);
    const { joined, offsets } = joinChunks(batch);
    let raws: PgRawStatement[];
    try {
      raws = parsePostgres(joined);
    } catch (error) {
      if (!(error instanceof PgSyntaxError)) throw error;
      const failed = error.position === null ? undefined : chunkAtChar(batch, offsets, error.position);
      throw new BatchRejected(failed);
    }
    for (const raw of raws) {
      const chunk = batch[chunkAt(offsets, raw.location)] as Chunk;
      const ops = opsFromPgStatement(raw.stmt);
      // Only operations are compared, so a statement without any needs no fingerprint.
      add(chunk.statement, { ops, fingerprint: ops.length === 0 ? '' : astFingerprint(raw.stmt), source: 'postgres' });
    }
    from = to;
  }
}

class BatchRejected extends Error {
  constructor(readonly failed: Chunk | undefined) {
    super('the PostgreSQL grammar rejected a batch');
  }
}

/** Operations in a SQL text, any dialect. */
export function extractSql(text: string, options: SqlExtractOptions = {}): DbOperation[] {
  const dialect = guessDialect(text);
  // One pass: what each statement creates is noted, candidates are screened, and the tokens
  // of every other statement are dropped at once, so they die young.
  const statements: Scanned[] = [];
  const candidates: Statement[] = [];
  eachStatement(text, lexOptionsFor(dialect), true, (statement) => {
    const tokens = statement.tokens;
    const table = tokens === null ? null : createdTable(tokens);
    const index = tokens === null ? null : createdIndex(tokens);
    const candidate = isCandidate(statement) && worthParsing(statement, dialect);
    if (candidate) candidates.push(statement);
    else statement.tokens = null;
    // Only statements that create something or may hold operations matter below.
    if (candidate || table !== null || index !== null) statements.push({ statement, table, index });
  });
  if (candidates.length === 0) return [];

  const parsed = new Map<Statement, Parsed[]>();
  const add = (s: Statement, p: Parsed): void => {
    const list = parsed.get(s);
    if (list === undefined) parsed.set(s, [p]);
    else list.push(p);
  };
  const chunks = candidates.map((statement) => ({ statement, text: text.slice(statement.start, statement.end) }));
  try {
    parseAll(chunks, add);
  } catch (error) {
    if (!(error instanceof BatchRejected)) throw error;
    parsed.clear();
    const where = error.failed === undefined ? '' : ` at line ${error.failed.statement.line + (options.baseLine ?? 1) - 1}`;
    const note = `the PostgreSQL grammar rejected this file${where}`;
    for (const chunk of chunks) add(chunk.statement, parseOneByOne(chunk, dialect, note));
  }

  const down = downSectionLines(text);
  const baseLine = options.baseLine ?? 1;
  const createdTables = new Set<string>();
  const createdIndexes = new Set<string>();
  const out: DbOperation[] = [];
  for (const { statement, table, index } of statements) {
    if (table !== null) createdTables.add(table);
    for (const p of parsed.get(statement) ?? []) {
      for (const op of p.ops) {
        if (EXISTING_TABLE_KINDS.has(op.kind) && op.table !== undefined && createdTables.has(op.table)) continue;
        if (op.index !== undefined && createdIndexes.has(op.index)) continue;
        if (dialect !== 'postgres' && POSTGRES_ONLY_KINDS.has(op.kind)) continue;
        const notes = [op.note, p.note].filter((n): n is string => n !== undefined);
        out.push({
          kind: op.kind,
          line: (op.line ?? statement.line) + baseLine - 1,
          summary: op.summary,
          fingerprint: `${op.kind}|${op.detail}|${p.fingerprint}`,
          source: options.source ?? p.source,
          rollback: options.rollback === true || down(statement.line),
          ...(op.cascade === true ? { cascade: true } : {}),
          ...(options.production === true ? { production: true } : {}),
          ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
        });
      }
    }
    if (index !== null) createdIndexes.add(index);
  }
  return out;
}
