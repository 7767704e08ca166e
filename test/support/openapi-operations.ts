import { randomUUID } from 'node:crypto';
import type { OpenApiDocument } from './all-apps.js';

type Schema = Record<string, unknown>;

export interface Parameter {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly required?: boolean;
  readonly schema: Schema;
}

export interface Operation {
  readonly method: string;
  /** OpenAPI's path template, e.g. `/listings/{listingId}`. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** The JSON body's schema, $refs resolved at the top, when the operation takes one. */
  readonly body?: Schema;
  readonly secured: boolean;
  readonly responses: Record<string, { content?: Record<string, unknown> }>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of a document: the tests walk these, so a new endpoint is probed without anyone listing it. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, raw]) => {
        const operation = raw as { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: object[]; responses: Operation['responses'] };
        const security = operation.security ?? (document.security as object[] | undefined) ?? [];
        const jsonBody = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method,
          path,
          parameters: (operation.parameters ?? []).map((p) => ({ ...p, schema: resolve(document, p.schema ?? {}) })),
          body: jsonBody && resolve(document, jsonBody),
          secured: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
          responses: operation.responses,
        };
      }),
  );
}

export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return resolve(document, (document.components?.schemas?.[ref.replace('#/components/schemas/', '')] ?? {}) as Schema);
}

/** A plausible value for a schema: its example, the first of its enum, or one of its type; a uuid for ids. */
export function sampleOf(document: OpenApiDocument, raw: Schema): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.oneOf)) return sampleOf(document, schema.oneOf.find((s: Schema) => s.type !== 'string') ?? schema.oneOf[0]);
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date') return '2026-06-01';
  switch (schema.type) {
    case 'integer':
    case 'number':
      return (schema.minimum as number | undefined) ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [sampleOf(document, (schema.items ?? {}) as Schema)];
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, sampleOf(document, property)]));
    }
    default:
      return 'x';
  }
}

/** The operation's URL with every path parameter and required query parameter filled from its schema, `overrides` taking precedence (raw, not encoded). */
export function urlOf(document: OpenApiDocument, operation: Operation, overrides: Readonly<Record<string, string>> = {}): string {
  // A path parameter that says nothing of its shape is an id, which here is a uuid.
  const plain = (p: Parameter) => p.in === 'path' && !(p.schema.format || p.schema.example || p.schema.enum);
  const value = (p: Parameter) => overrides[p.name] ?? encodeURIComponent(String(sampleOf(document, plain(p) ? { format: 'uuid' } : p.schema)));
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => value(operation.parameters.find((p) => p.in === 'path' && p.name === name) ?? { in: 'path', name, schema: {} }));
  const documented = operation.parameters.filter((p) => p.in === 'query' && (p.required || p.name in overrides));
  const undocumented = Object.keys(overrides).filter((name) => !operation.parameters.some((p) => p.name === name));
  const query = [...documented.map((p) => `${p.name}=${value(p)}`), ...undocumented.map((name) => `${name}=${overrides[name]}`)];
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}
