import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Validates the request bodies Two-Key sends against GitHub's own OpenAPI description
// (@octokit/openapi). A small JSON Schema subset is enough for these operations: types,
// nullable, enum, required, properties, additionalProperties, items, lengths, allOf/anyOf/oneOf, $ref.

type Schema = Record<string, unknown>;
interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: Record<string, Record<string, Schema>>;
}

let spec: Spec | null = null;
let templates: { re: RegExp; template: string }[] = [];

function load(): Spec {
  if (spec) return spec;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  templates = Object.keys(spec.paths).map((template) => ({
    template,
    re: new RegExp(
      `^${template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\?\{path\\?\}|\{path\}/g, '.+')
        .replace(/\{[^}]+\}/g, '[^/]+')}$`,
    ),
  }));
  return spec;
}

function resolve(schema: Schema): Schema {
  let s = schema;
  while (typeof s.$ref === 'string') {
    const [, , group = '', name = ''] = s.$ref.split('/');
    s = load().components[group]?.[name] ?? {};
  }
  return s;
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}

export function validate(raw: Schema, value: unknown, at: string, errors: string[]): void {
  const schema = resolve(raw);
  if (value === null) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (schema.nullable === true || types.includes('null')) return;
  }
  for (const sub of (schema.allOf as Schema[] | undefined) ?? []) validate(sub, value, at, errors);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (
      options &&
      !options.some((o) => {
        const e: string[] = [];
        validate(o, value, at, e);
        return e.length === 0;
      })
    )
      errors.push(`${at}: matches none of ${key}`);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeOk(t, value))) {
      errors.push(`${at}: expected ${types.join('|')}, got ${JSON.stringify(value)?.slice(0, 60)}`);
      return;
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${at}: longer than ${schema.maxLength}`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((item, i) => validate(schema.items as Schema, item, `${at}[${i}]`, errors));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in obj)) errors.push(`${at}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) validate(props[k], v, `${at}.${k}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${at}.${k}: not allowed`);
      else if (typeof schema.additionalProperties === 'object') validate(schema.additionalProperties as Schema, v, `${at}.${k}`, errors);
    }
  }
}

/** The request-body schema of the operation at `method path`, or null (no body, or not a REST path). */
export function bodySchema(method: string, path: string): Schema | null {
  const s = load();
  const candidates = templates.filter((t) => t.re.test(path));
  // The most specific template (fewest parameters) wins: /issues/comments/{id} over /issues/{n}/comments.
  candidates.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  for (const c of candidates) {
    const op = s.paths[c.template]?.[method.toLowerCase()];
    if (op) return op.requestBody?.content?.['application/json']?.schema ?? null;
  }
  return null;
}

/** Errors of a request body against GitHub's schema; GraphQL bodies only need a query string. */
export function requestBodyErrors(method: string, path: string, body: unknown): string[] {
  if (path === '/graphql') return typeof (body as { query?: unknown } | undefined)?.query === 'string' ? [] : ['graphql: no query'];
  const schema = bodySchema(method, path);
  if (!schema) return method === 'DELETE' ? [] : [`${method} ${path}: no such operation with a JSON body in the OpenAPI description`];
  const errors: string[] = [];
  validate(schema, body ?? {}, `${method} ${path}`, errors);
  return errors;
}
