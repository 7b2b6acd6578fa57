// MongoDB shell code (mongosh/mongo scripts and `--eval` strings): dropDatabase(), a
// collection's drop(), and deleteMany/remove/updateMany with an empty filter.

import type { DbOperation } from '../../operations.js';
import type { Extractor } from '../types.js';
import { op, parenCalls, type Arg } from '../frameworks/calls.js';
import { lex } from '../frameworks/lexer.js';

function isEmptyFilter(arg: Arg | undefined): boolean {
  if (!arg) return true;
  const v = arg.tokens.map((t) => t.value).join('');
  return v === '{}' || v === 'null' || v === 'undefined';
}

/** `db.users`, `db.getCollection("users")`, `db.getSiblingDB("app").users` -> collection name. */
function collectionOf(receiver: readonly string[], callTokens: readonly { value: string; type: string }[]): string | undefined {
  if (receiver[receiver.length - 1] !== 'db' && !receiver.includes('getSiblingDB')) return undefined;
  if (receiver[0] === 'getCollection') return callTokens.find((t) => t.type === 'string')?.value ?? '?';
  return receiver[0];
}

export function extractMongoShell(text: string, source: string, baseLine = 1, production = false): DbOperation[] {
  const tokens = lex(text, 'js');
  const ops: DbOperation[] = [];
  for (const c of parenCalls(tokens, 'js')) {
    const line = c.line + baseLine - 1;
    const common = { line, source, rollback: false, production };
    const prodId = production ? 'production' : '';
    if (c.name === 'dropDatabase' && (c.receiver[0] === 'db' || c.receiver.includes('getSiblingDB'))) {
      ops.push(op({ ...common, kind: 'drop-database', summary: 'db.dropDatabase()', identity: ['dropDatabase', prodId] }));
      continue;
    }
    // The tokens between the receiver start and the call name, for getCollection("x").
    const start = tokens.findIndex((t, k) => k < c.index && t.line === tokens[c.index]?.line && t.value === 'getCollection');
    const coll = collectionOf(c.receiver, start === -1 ? [] : tokens.slice(start, c.index));
    if (coll === undefined) continue;
    if (c.name === 'drop' && c.args.length === 0) {
      ops.push(op({ ...common, kind: 'drop-table', summary: `db.${coll}.drop()`, identity: ['drop', coll, prodId] }));
    } else if ((c.name === 'deleteMany' || c.name === 'remove') && isEmptyFilter(c.args[0])) {
      ops.push(op({ ...common, kind: 'delete-without-where', summary: `db.${coll}.${c.name}({})`, identity: [c.name, coll, prodId] }));
    } else if (c.name === 'updateMany' && isEmptyFilter(c.args[0]) && c.args.length >= 2) {
      ops.push(
        op({ ...common, kind: 'update-without-where', summary: `db.${coll}.updateMany({}, ...)`, identity: ['updateMany', coll, prodId] }),
      );
    }
  }
  return ops;
}

export const mongoExtractor: Extractor = {
  name: 'mongo',
  appliesTo: (path) =>
    /\.mongo(sh)?\.js$/.test(path) ||
    /(^|\/)(mongo|mongodb|mongosh)[^/]*\/(.+\/)?[^/]+\.js$/.test(path) ||
    /(^|\/)scripts\/(.+\/)?[^/]+\.js$/.test(path),
  // Only mongo shell scripts: top-level `db.` use and no module system (application code imports).
  extract: (text, path) => {
    const shell = /\.mongo(sh)?\.js$/.test(path) || /(^|\/)(mongo|mongodb|mongosh)[^/]*\//.test(path);
    if (!shell && (!/^\s*(db\.|use\(|print\()/m.test(text) || /\brequire\(|^\s*import\s/m.test(text))) return [];
    return extractMongoShell(text, 'mongo');
  },
};
