// Prisma: schema.prisma declares the desired state, so the danger is a difference between two
// versions (a model or field present before and absent after), not an operation in one
// text. prisma/migrations/*/migration.sql is plain SQL and belongs to the SQL extractor.

import type { DbOperation } from '../../operations.js';
import type { ChangeExtractor } from '../frameworks.js';
import { op } from './calls.js';

const SOURCE = 'prisma';

export interface PrismaField {
  name: string;
  type: string;
  line: number;
}

export interface PrismaModel {
  name: string;
  line: number;
  /** `@@map("users")`: the table's real name. */
  table: string;
  fields: Map<string, PrismaField>;
}

/** The models of a schema, with their scalar and relation fields. Comments (`//`, `///`) are ignored. */
export function parsePrismaSchema(text: string): Map<string, PrismaModel> {
  const models = new Map<string, PrismaModel>();
  const lines = text.split('\n');
  let current: PrismaModel | undefined;
  lines.forEach((raw, i) => {
    // Strip comments outside string literals (a default like @default("a//b") keeps its slashes).
    let code = '';
    let inString = false;
    for (let k = 0; k < raw.length; k++) {
      const ch = raw[k] as string;
      if (ch === '"' && raw[k - 1] !== '\\') inString = !inString;
      if (!inString && ch === '/' && raw[k + 1] === '/') break;
      code += ch;
    }
    const line = code.trim();
    if (line === '') return;
    if (!current) {
      const m = /^(model|view)\s+(\w+)\s*\{/.exec(line);
      if (m) current = { name: m[2] as string, line: i + 1, table: m[2] as string, fields: new Map() };
      return;
    }
    if (line.startsWith('}')) {
      models.set(current.name, current);
      current = undefined;
      return;
    }
    const map = /^@@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(line);
    if (map) current.table = map[1] as string;
    if (line.startsWith('@')) return;
    const field = /^(\w+)\s+([\w]+(?:\[\])?\??)/.exec(line);
    if (field) {
      const type = field[2] as string;
      // Relation fields (`author User @relation(...)`) have no column; their foreign key field does.
      if (/@relation\b/.test(line) || /\[\]$/.test(type)) return;
      current.fields.set(field[1] as string, { name: field[1] as string, type, line: i + 1 });
    }
  });
  return models;
}

/** Models and fields removed (or retyped) between two versions of a schema. */
export function prismaSchemaChanges(before: string, after: string): DbOperation[] {
  const old = parsePrismaSchema(before);
  const next = parsePrismaSchema(after);
  const ops: DbOperation[] = [];
  // Report a removal on the line where the model used to be in `after`, or line 1.
  for (const [name, model] of old) {
    const now = next.get(name) ?? [...next.values()].find((m) => m.table === model.table && model.table !== m.name);
    if (!now) {
      ops.push(
        op({
          kind: 'drop-table',
          line: 1,
          summary: `model ${name} removed from schema.prisma (drops table ${model.table})`,
          identity: ['drop_model', model.table],
          source: SOURCE,
          rollback: false,
        }),
      );
      continue;
    }
    for (const [fname, field] of model.fields) {
      const f = now.fields.get(fname);
      if (!f) {
        ops.push(
          op({
            kind: 'drop-column',
            line: now.line,
            summary: `field ${name}.${fname} removed from schema.prisma (drops column)`,
            identity: ['drop_field', model.table, fname],
            source: SOURCE,
            rollback: false,
          }),
        );
      } else if (f.type.replace(/\?$/, '') !== field.type.replace(/\?$/, '')) {
        ops.push(
          op({
            kind: 'alter-column-type',
            line: f.line,
            summary: `field ${name}.${fname} changes type ${field.type} -> ${f.type}`,
            identity: ['retype_field', model.table, fname, f.type],
            source: SOURCE,
            rollback: false,
          }),
        );
      }
    }
  }
  return ops;
}

export const prismaSchemaExtractor: ChangeExtractor = {
  name: SOURCE,
  appliesTo: (path) => /(^|\/)[^/]*\.prisma$/.test(path),
  // A new or deleted schema file creates or drops nothing by itself.
  extractChange: (before, after) => (before === null || after === null ? [] : prismaSchemaChanges(before, after)),
};
