// Liquibase changelogs in XML, YAML and JSON. All three are reduced to the same tree of
// changes ({ type, attributes, children, line }); `<rollback>` content only runs on rollback.
// XML goes through fast-xml-parser; YAML and JSON through `yaml` (JSON is YAML), which
// also gives line numbers.

import { XMLParser } from 'fast-xml-parser';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { DbOperation } from '../../operations.js';
import type { Extractor } from '../types.js';
import { embeddedSql, op } from './calls.js';

const SOURCE = 'liquibase';

interface Change {
  type: string;
  attrs: Record<string, string>;
  children: Change[];
  text: string;
  line: number;
  textLine: number;
}

// ---- XML ----------------------------------------------------------------------------

type OrderedNode = Record<string, unknown>;

/** Offsets of every `<tag` outside comments and CDATA, per tag name, in document order. */
function tagLines(xml: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const masked = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const re = /<([A-Za-z_][\w.:-]*)/g;
  let m: RegExpExecArray | null;
  let line = 1;
  let last = 0;
  while ((m = re.exec(masked))) {
    for (let k = last; k < m.index; k++) if (masked.charCodeAt(k) === 10) line++;
    last = m.index;
    const name = (m[1] as string).replace(/^[\w-]+:/, '');
    const list = out.get(name) ?? [];
    list.push(line);
    out.set(name, list);
  }
  return out;
}

function xmlChanges(xml: string): Change[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    trimValues: false,
    cdataPropName: '#cdata',
  });
  const doc = parser.parse(xml) as OrderedNode[];
  const lines = tagLines(xml);
  const seen = new Map<string, number>();
  const convert = (nodes: OrderedNode[]): Change[] => {
    const out: Change[] = [];
    for (const node of nodes) {
      const type = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata');
      if (type === undefined) continue;
      const nth = seen.get(type) ?? 0;
      seen.set(type, nth + 1);
      const line = lines.get(type)?.[nth] ?? 1;
      const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = String(v);
      const kids = (node[type] ?? []) as OrderedNode[];
      let text = '';
      for (const kid of kids) {
        if (typeof kid['#text'] === 'string' || typeof kid['#text'] === 'number') text += String(kid['#text']);
        const cdata = kid['#cdata'] as OrderedNode[] | undefined;
        if (Array.isArray(cdata)) for (const c of cdata) text += String(c['#text'] ?? '');
      }
      // The SQL text starts on the tag's line (or the next, after a newline), so count from it.
      out.push({ type, attrs, children: convert(kids), text, line, textLine: line });
    }
    return out;
  };
  return convert(doc);
}

// ---- YAML / JSON ------------------------------------------------------------------------

function yamlChanges(text: string): Change[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  const lineOf = (n: Node | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const convert = (node: unknown): Change[] => {
    const out: Change[] = [];
    if (isSeq(node)) {
      for (const item of node.items) out.push(...convert(item));
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value as Node | null;
        const attrs: Record<string, string> = {};
        let children: Change[] = [];
        let text = '';
        let textLine = lineOf(pair.key as Node);
        if (isScalar(value)) {
          text = String(value.value ?? '');
          textLine = lineOf(value);
        } else if (isMap(value)) {
          for (const p of value.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (isScalar(p.value)) {
              attrs[k] = String(p.value.value ?? '');
              if (k === 'sql') {
                text = attrs[k] as string;
                // A block scalar's content starts on the line after its indicator.
                const src = (p.value as { source?: string; type?: string }).type;
                textLine = lineOf(p.value as Node) + (src === 'BLOCK_LITERAL' || src === 'BLOCK_FOLDED' ? 1 : 0);
              }
            }
          }
          children = convert(value);
        } else if (isSeq(value)) children = convert(value);
        out.push({ type: key, attrs, children, text, line: lineOf(pair.key as Node), textLine });
      }
    }
    return out;
  };
  return convert(doc.contents);
}

// ---- shared interpretation --------------------------------------------------------------

function hasChild(c: Change, type: string): boolean {
  return c.children.some((k) => k.type === type) || c.attrs[type] !== undefined;
}

function columnsOf(c: Change): string[] {
  if (c.attrs.columnName) return [c.attrs.columnName];
  const out: string[] = [];
  const walk = (cs: Change[]): void => {
    for (const k of cs) {
      if (k.type === 'column' && k.attrs.name) out.push(k.attrs.name);
      walk(k.children);
    }
  };
  walk(c.children);
  return out;
}

function interpret(changes: Change[], rollback: boolean, ops: DbOperation[]): void {
  for (const c of changes) {
    const a = c.attrs;
    const base = { line: c.line, source: SOURCE, rollback };
    switch (c.type) {
      case 'rollback':
        interpret(c.children, true, ops);
        if (c.text.trim() !== '') ops.push(...embeddedSql([{ sql: c.text, line: c.textLine }], SOURCE, true));
        continue;
      case 'dropTable':
        if (a.tableName)
          ops.push(
            op({
              ...base,
              kind: 'drop-table',
              summary: `dropTable ${a.tableName}`,
              identity: ['dropTable', a.schemaName ?? '', a.tableName],
            }),
          );
        if (a.cascadeConstraints === 'true') ops[ops.length - 1] = { ...(ops[ops.length - 1] as DbOperation), cascade: true };
        continue;
      case 'dropView':
        if (a.viewName) ops.push(op({ ...base, kind: 'drop-view', summary: `dropView ${a.viewName}`, identity: ['dropView', a.viewName] }));
        continue;
      case 'dropColumn':
        for (const col of columnsOf(c))
          ops.push(
            op({
              ...base,
              kind: 'drop-column',
              summary: `dropColumn ${a.tableName}.${col}`,
              identity: ['dropColumn', a.tableName ?? '', col],
            }),
          );
        continue;
      case 'renameColumn':
        ops.push(
          op({
            ...base,
            kind: 'rename',
            summary: `renameColumn ${a.tableName}.${a.oldColumnName} -> ${a.newColumnName}`,
            identity: ['renameColumn', a.tableName ?? '', a.oldColumnName ?? '', a.newColumnName ?? ''],
          }),
        );
        continue;
      case 'renameTable':
        ops.push(
          op({
            ...base,
            kind: 'rename',
            summary: `renameTable ${a.oldTableName} -> ${a.newTableName}`,
            identity: ['renameTable', a.oldTableName ?? '', a.newTableName ?? ''],
          }),
        );
        continue;
      case 'modifyDataType':
        ops.push(
          op({
            ...base,
            kind: 'alter-column-type',
            summary: `modifyDataType ${a.tableName}.${a.columnName} ${a.newDataType}`,
            identity: ['modifyDataType', a.tableName ?? '', a.columnName ?? '', a.newDataType ?? ''],
          }),
        );
        continue;
      case 'addNotNullConstraint':
        ops.push(
          op({
            ...base,
            kind: 'set-not-null',
            summary: `addNotNullConstraint ${a.tableName}.${a.columnName}`,
            identity: ['addNotNullConstraint', a.tableName ?? '', a.columnName ?? ''],
          }),
        );
        continue;
      case 'delete':
        if (!hasChild(c, 'where'))
          ops.push(
            op({
              ...base,
              kind: 'delete-without-where',
              summary: `delete from ${a.tableName} (no where)`,
              identity: ['delete', a.tableName ?? ''],
            }),
          );
        continue;
      case 'update':
        if (!hasChild(c, 'where'))
          ops.push(
            op({
              ...base,
              kind: 'update-without-where',
              summary: `update ${a.tableName} (no where)`,
              identity: ['update', a.tableName ?? ''],
            }),
          );
        continue;
      case 'sql':
        ops.push(...embeddedSql([{ sql: c.text || a.sql || '', line: c.textLine }], SOURCE, rollback));
        continue;
      default:
        interpret(c.children, rollback, ops);
    }
  }
}

export function extractLiquibase(text: string, path: string): DbOperation[] {
  if (!/databaseChangeLog/.test(text)) return [];
  let changes: Change[];
  try {
    changes = /\.xml$/i.test(path) ? xmlChanges(text) : yamlChanges(text);
  } catch {
    // A changelog that does not parse cannot be run by Liquibase either.
    return [];
  }
  const ops: DbOperation[] = [];
  interpret(changes, false, ops);
  return ops;
}

export const liquibaseExtractor: Extractor = {
  name: SOURCE,
  appliesTo: (path) => /\.(xml|ya?ml|json)$/i.test(path) && /(changelog|liquibase|changeset|db\/changes)/i.test(path),
  extract: extractLiquibase,
};
