import request from 'supertest';
import type { RunningApp } from '../support/all-apps.js';
import { everyOperationOfEveryApp } from '../support/every-operation.js';
import { resolve, sampleOf, urlOf, type Operation } from '../support/openapi-operations.js';

/**
 * Each class of hostile input the outside probe of issue 18 found, sent to every
 * operation of every app's OpenAPI document: each must be refused with problem
 * details, and write nothing. The operations come from the documents, so a new
 * endpoint is covered the day it is added.
 */
describe('hostile input on every operation of every app', () => {
  const every = everyOperationOfEveryApp();

  const withBody = () => every.operations.filter(({ operation }) => operation.body);
  const withPathParameters = () => every.operations.filter(({ operation }) => operation.parameters.some((p) => p.in === 'path'));

  /** Sends one request per operation and lists every answer that is not the expected problem; checks that no app's log grew. */
  async function expectRefusedEverywhere(
    targets: ReadonlyArray<{ app: RunningApp; operation: Operation }>,
    attempt: (app: RunningApp, operation: Operation) => Promise<request.Response>,
    status: number,
    field?: (app: RunningApp, operation: Operation) => string | undefined,
  ): Promise<number> {
    const before = await Promise.all(every.apps.map((app) => app.eventCount()));
    const failures: string[] = [];
    for (const { app, operation } of targets) {
      const response = await attempt(app, operation);
      const { body, headers } = response;
      const expectedField = field?.(app, operation);
      const named = expectedField === undefined || (body.errors as Array<{ field: string }> | undefined)?.some((e) => e.field === expectedField);
      const problem = /^application\/problem\+json/.test(headers['content-type'] ?? '') && body.status === status && typeof body.title === 'string' && typeof body.detail === 'string';
      if (response.status !== status || !problem || !named) {
        failures.push(`${app.name} ${operation.method.toUpperCase()} ${operation.path}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await Promise.all(every.apps.map((app) => app.eventCount()))).toEqual(before);
    return targets.length;
  }

  test('a JSON body nested thousands of levels deep (18 KB) is 400, not a stack overflow', async () => {
    const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    const covered = await expectRefusedEverywhere(
      withBody(),
      (app, operation) => every.send(app, operation, urlOf(app.document, operation), deep),
      400,
      () => 'body',
    );
    expect(covered).toBeGreaterThan(30);
  });

  test('a NUL character in a body field is 400 naming the field', async () => {
    const covered = await expectRefusedEverywhere(
      withBody(),
      (app, operation) => every.send(app, operation, urlOf(app.document, operation), JSON.stringify(withNul(sampleOf(app.document, operation.body!)).value)),
      400,
      (app, operation) => withNul(sampleOf(app.document, operation.body!)).field,
    );
    expect(covered).toBeGreaterThan(30);
  });

  test('a NUL character in the query is 400 naming the parameter', async () => {
    const name = (operation: Operation) => operation.parameters.find((p) => p.in === 'query')?.name ?? 'q';
    const covered = await expectRefusedEverywhere(
      every.operations,
      (app, operation) => every.send(app, operation, urlOf(app.document, operation, { [name(operation)]: 'a%00b' })),
      400,
      (_, operation) => name(operation),
    );
    expect(covered).toBeGreaterThan(100);
  });

  test('a NUL character in a path parameter is 400 naming it', async () => {
    const name = (operation: Operation) => operation.parameters.find((p) => p.in === 'path')!.name;
    const covered = await expectRefusedEverywhere(
      withPathParameters(),
      (app, operation) => every.send(app, operation, urlOf(app.document, operation, { [name(operation)]: 'a%00b' })),
      400,
      (_, operation) => name(operation),
    );
    expect(covered).toBeGreaterThan(50);
  });

  test('a path parameter over 100 characters is 414 problem details', async () => {
    const name = (operation: Operation) => operation.parameters.find((p) => p.in === 'path')!.name;
    const covered = await expectRefusedEverywhere(withPathParameters(), (app, operation) => every.send(app, operation, urlOf(app.document, operation, { [name(operation)]: 'a'.repeat(101) })), 414);
    expect(covered).toBeGreaterThan(50);
  });

  test('a null body is 400: a required body must be a JSON object', async () => {
    // Not always named `body`: the bank-file upload takes text or JSON and says so itself.
    const covered = await expectRefusedEverywhere(withBody(), (app, operation) => every.send(app, operation, urlOf(app.document, operation), 'null'), 400);
    expect(covered).toBeGreaterThan(30);
  });

  test('an impossible calendar date (2026-02-30) is 400 in every date parameter and body field', async () => {
    const dated = every.operations.flatMap(({ app, operation }): Array<{ app: RunningApp; operation: Operation; field: string; url: string; body?: unknown }> => [
      ...operation.parameters.filter((p) => p.schema.format === 'date').map((p) => ({ app, operation, field: p.name, url: urlOf(app.document, operation, { [p.name]: '2026-02-30' }) })),
      ...datePaths(app, operation.body).map((path) => ({ app, operation, field: path, url: urlOf(app.document, operation), body: at(sampleOf(app.document, operation.body!), path, '2026-02-30') })),
    ]);
    const failures: string[] = [];
    for (const { app, operation, field, url, body } of dated) {
      const response = await every.send(app, operation, url, body === undefined ? undefined : JSON.stringify(body));
      const named = (response.body.errors as Array<{ field: string }> | undefined)?.some((e) => e.field === field);
      if (response.status !== 400 || !named)
        failures.push(`${app.name} ${operation.method.toUpperCase()} ${operation.path} ${field}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(dated.length).toBeGreaterThan(25);
  });

  test('a read naming an unknown resource is 404, never an empty 200', async () => {
    const reads = withPathParameters().filter(({ operation }) => operation.method === 'get' && operation.parameters.every((p) => p.in !== 'path' || !(p.schema.example || p.schema.enum)));
    const covered = await expectRefusedEverywhere(reads, (app, operation) => every.send(app, operation, urlOf(app.document, operation)), 404);
    expect(covered).toBeGreaterThan(20);
  });

  test('every date in the documents is declared as one (format: date), so the test above sees it', () => {
    const looksLikeDate = (schema: Record<string, unknown>) => typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example) && schema.format !== 'date';
    const undeclared = every.operations.flatMap(({ app, operation }) => [
      ...operation.parameters.filter((p) => looksLikeDate(p.schema)).map((p) => `${app.name} ${operation.path} ${p.name}`),
      ...propertiesOf(app, operation.body)
        .filter(([, schema]) => looksLikeDate(schema))
        .map(([path]) => `${app.name} ${operation.path} ${path}`),
    ]);
    expect(undeclared).toEqual([]);
  });
});

/** The sample body with a NUL character in its first string field, or in a key when it has none, and the field the refusal must name. */
function withNul(sample: unknown): { value: unknown; field: string } {
  const object = (typeof sample === 'object' && sample !== null && !Array.isArray(sample) ? sample : {}) as Record<string, unknown>;
  const text = Object.keys(object).find((key) => typeof object[key] === 'string');
  if (text) return { value: { ...object, [text]: 'a\u0000b' }, field: text };
  return { value: { ...object, 'x\u0000': 1 }, field: 'x\\u0000' };
}

/** Every property of a body schema with its dotted path (arrays at index 0), for nested DTOs. */
function propertiesOf(app: RunningApp, raw: Record<string, unknown> | undefined, prefix = ''): Array<[string, Record<string, unknown>]> {
  if (!raw) return [];
  const schema = resolve(app.document, raw);
  if (schema.type === 'array') return propertiesOf(app, schema.items as Record<string, unknown>, `${prefix}0.`);
  return Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>).flatMap(([name, property]) => {
    const resolved = resolve(app.document, property);
    return [[`${prefix}${name}`, resolved] as [string, Record<string, unknown>], ...propertiesOf(app, resolved, `${prefix}${name}.`)];
  });
}

function datePaths(app: RunningApp, body: Record<string, unknown> | undefined): string[] {
  return propertiesOf(app, body)
    .filter(([, schema]) => schema.format === 'date')
    .map(([path]) => path);
}

/** A copy of `value` with the dotted path set. */
function at(value: unknown, path: string, replacement: unknown): unknown {
  const [head, ...rest] = path.split('.');
  const container = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (container as Record<string, unknown>)[head!] = rest.length === 0 ? replacement : at((container as Record<string, unknown>)[head!], rest.join('.'), replacement);
  return container;
}
