import type { OpenAPIObject } from '@nestjs/swagger';

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

const READ_AFTER = {
  in: 'header',
  name: 'X-Read-After',
  required: false,
  description:
    'Log positions from earlier X-Log-Position headers, `<app>:<position>` separated by commas (one per app). ' +
    "The request waits, bounded, until this app's read models reflect them; positions of logs it does not read are ignored.",
  schema: { type: 'string', example: 'applicants:7413-18446, listings:7420-5120' },
};

const LOG_POSITION = {
  description: "Where this request's events were written: send it back in X-Read-After to read them.",
  schema: { type: 'string', example: 'listings:7420-5120' },
};

const READ_STALE = {
  description: 'The X-Read-After positions this answer could not wait for: it may not show them yet.',
  schema: { type: 'string' },
};

/** Adds the read-your-writes headers to every operation of the document: they are served by hooks, not by controllers. */
export function documentReadAfter(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(operations) as Array<[string, { parameters?: unknown[]; responses?: Record<string, { headers?: Record<string, unknown> }> }]>) {
      if (typeof operation !== 'object' || !operation.responses) continue;
      operation.parameters = [...(operation.parameters ?? []), READ_AFTER];
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!status.startsWith('2')) continue;
        response.headers = { ...response.headers, 'X-Read-Stale': READ_STALE, ...(WRITES.has(method) && { 'X-Log-Position': LOG_POSITION }) };
      }
    }
  }
  return document;
}
