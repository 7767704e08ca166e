import { MAX_BODY_BYTES } from '@bostadsko/platform';
import type { OpenApiDocument } from '../support/all-apps.js';
import { everyOperationOfEveryApp } from '../support/every-operation.js';
import { resolve, sampleOf, urlOf } from '../support/openapi-operations.js';

type Schema = Record<string, unknown>;

/** Formats and enums whose validators bound a string's length already. */
const bounded = (schema: Schema) => Array.isArray(schema.enum) || ['uuid', 'date', 'date-time'].includes(schema.format as string);

/**
 * Issue 18's "limits everywhere", for every operation of every app's OpenAPI
 * document: each string a request may carry has a maxLength, each array a
 * maxItems, each number in a query a maximum, all documented; and a value just
 * past its limit, or a body past the platform's, is refused as problem details
 * with nothing written.
 */
describe('input limits on every operation of every app', () => {
  const every = everyOperationOfEveryApp();

  test('every string in a body has a maxLength, every array a maxItems, every number in a query a maximum', () => {
    const unbounded = every.operations.flatMap(({ app, operation }) => [
      ...fieldsOf(app.document, operation.body).flatMap(([path, schema]) =>
        missingLimit(schema).map((limit) => `${app.name} ${operation.method.toUpperCase()} ${operation.path} ${path}: no ${limit}`),
      ),
      ...operation.parameters
        .filter((p) => p.in === 'query' && ['integer', 'number'].includes(p.schema.type as string) && p.schema.maximum === undefined)
        .map((p) => `${app.name} ${operation.method.toUpperCase()} ${operation.path} ?${p.name}: no maximum`),
    ]);
    expect(unbounded).toEqual([]);
  });

  test('a value one past its limit is 400 naming the field, and nothing is written', async () => {
    const before = await Promise.all(every.apps.map((app) => app.eventCount()));
    const cases = every.operations.flatMap(({ app, operation }) => [
      ...fieldsOf(app.document, operation.body)
        .filter(([path, schema]) => !path.includes('.') && overLimit(schema) !== undefined)
        .map(([path, schema]) => ({ app, operation, field: path, url: urlOf(app.document, operation), body: { ...(sampleOf(app.document, operation.body!) as Schema), [path]: overLimit(schema) } })),
      ...operation.parameters
        .filter((p) => p.in === 'query' && typeof p.schema.maximum === 'number')
        .map((p) => ({
          app,
          operation,
          field: p.name,
          url: urlOf(app.document, operation, { [p.name]: String((p.schema.maximum as number) + 1) }),
          body: operation.body && sampleOf(app.document, operation.body),
        })),
    ]);
    const failures: string[] = [];
    for (const { app, operation, field, url, body } of cases) {
      const response = await every.send(app, operation, url, body === undefined ? undefined : JSON.stringify(body));
      const named = (response.body.errors as Array<{ field: string }> | undefined)?.some((e) => e.field === field);
      if (response.status !== 400 || !named || !/^application\/problem\+json/.test(response.headers['content-type'] ?? ''))
        failures.push(`${app.name} ${operation.method.toUpperCase()} ${operation.path} ${field}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(await Promise.all(every.apps.map((app) => app.eventCount()))).toEqual(before);
    expect(cases.length).toBeGreaterThan(50);
  });

  test(`a body over ${MAX_BODY_BYTES} bytes is 413 problem details on every operation that takes one, documented`, async () => {
    const withBody = every.operations.filter(({ operation }) => operation.body);
    const huge = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES) });
    const failures: string[] = [];
    for (const { app, operation } of withBody) {
      const response = await every.send(app, operation, urlOf(app.document, operation), huge);
      if (response.status !== 413 || response.body.status !== 413 || !/^application\/problem\+json/.test(response.headers['content-type'] ?? '') || !operation.responses['413'])
        failures.push(`${app.name} ${operation.method.toUpperCase()} ${operation.path}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(withBody.length).toBeGreaterThan(30);
  });
});

/** Every field of a body schema with its dotted path (array items as `path[]`), nested objects included. */
function fieldsOf(document: OpenApiDocument, raw: Schema | undefined, prefix = ''): Array<[string, Schema]> {
  if (!raw) return [];
  const schema = resolve(document, raw);
  return Object.entries((schema.properties ?? {}) as Record<string, Schema>).flatMap(([name, property]) => walk(document, `${prefix}${name}`, resolve(document, property)));
}

function walk(document: OpenApiDocument, path: string, schema: Schema): Array<[string, Schema]> {
  const variants = [...((schema.oneOf ?? []) as Schema[]), ...((schema.anyOf ?? []) as Schema[])].map((s) => resolve(document, s));
  if (variants.length > 0) return variants.flatMap((variant) => walk(document, path, variant));
  if (schema.type === 'array') return [[path, schema], ...walk(document, `${path}[]`, resolve(document, (schema.items ?? {}) as Schema))];
  if (schema.type === 'object' || schema.properties) return fieldsOf(document, schema, `${path}.`);
  return [[path, schema]];
}

function missingLimit(schema: Schema): string[] {
  if (schema.type === 'string' && !bounded(schema) && schema.maxLength === undefined) return ['maxLength'];
  if (schema.type === 'array' && schema.maxItems === undefined) return ['maxItems'];
  return [];
}

/** A value just past the field's documented limit, when it has one a value can pass. */
function overLimit(schema: Schema): unknown {
  if (schema.type === 'string' && typeof schema.maxLength === 'number') return 'a'.repeat(schema.maxLength + 1);
  if (schema.type === 'array' && typeof schema.maxItems === 'number') return Array.from({ length: schema.maxItems + 1 }, () => 'x');
  return undefined;
}
