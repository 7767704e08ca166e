import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { startAllApps } from '../support/all-apps.js';
import { operationsOf } from '../support/openapi-operations.js';

const PROBLEM = { schema: { $ref: '#/components/schemas/ProblemDetails' } };
/** Each app's document as committed, for readers and tools, and for `redocly lint` in `npm run lint`. */
const COMMITTED = new URL('../../docs/openapi/', import.meta.url);
/** Set by `npm run openapi`: write the documents instead of comparing them. */
const WRITE = process.env.OPENAPI_WRITE === '1';

/**
 * The contract check of every app's OpenAPI document (issue 18, item 5): no
 * reference to a schema that does not exist, and every operation documents the
 * errors it may answer as problem details. A new app or endpoint is checked
 * without being listed anywhere.
 */
describe('every OpenAPI document', () => {
  let running: Awaited<ReturnType<typeof startAllApps>>;

  beforeAll(async () => {
    running = await startAllApps();
  });

  afterAll(async () => {
    await running?.close();
  });

  test(WRITE ? 'written to docs/openapi/' : 'is the one committed in docs/openapi/ (npm run openapi writes them)', () => {
    mkdirSync(COMMITTED, { recursive: true });
    for (const { name, document } of running.apps) {
      const file = new URL(`${name}.json`, COMMITTED);
      const generated = `${JSON.stringify(document, null, 2)}\n`;
      if (WRITE) writeFileSync(file, generated);
      expect({ name, document: existsSync(file) ? readFileSync(file, 'utf8') : 'missing' }).toEqual({ name, document: generated });
    }
  });

  test('refers only to schemas it defines', () => {
    const dangling = running.apps.flatMap(({ name, document }) =>
      refsIn(document)
        .filter((ref) => !document.components?.schemas?.[ref.replace('#/components/schemas/', '')])
        .map((ref) => `${name}: ${ref}`),
    );
    expect(dangling).toEqual([]);
  });

  test('documents every error response as problem details, and the errors every operation may meet', () => {
    const missing = running.apps.flatMap(({ name, document }) =>
      operationsOf(document).flatMap((operation) => {
        const where = `${name} ${operation.method.toUpperCase()} ${operation.path}`;
        const expected = ['400', '500', '503', ...(operation.secured ? ['401', '403'] : []), ...(operation.parameters.some((p) => p.in === 'path') ? ['414'] : [])];
        const absent = expected.filter((status) => !operation.responses[status]).map((status) => `${where}: no ${status}`);
        const notProblems = Object.entries(operation.responses)
          // /health answers 503 with its report, which names the dependency that is down.
          .filter(([status]) => /^[45]/.test(status) && !(operation.path === '/health' && status === '503'))
          .filter(([, response]) => JSON.stringify(response.content?.['application/problem+json']) !== JSON.stringify(PROBLEM))
          .map(([status]) => `${where}: ${status} is not problem details`);
        return [...absent, ...notProblems];
      }),
    );
    expect(missing).toEqual([]);
  });
});

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)));
}
