import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// A caller's id ends up in logs and event metadata, so only short plain tokens are taken over.
const ACCEPTED = /^[\w.:-]{1,128}$/;

const storage = new AsyncLocalStorage<string>();
const chosen = new WeakMap<IncomingMessage, string>();

/** The correlation id of the request (or job) being handled, for event metadata and outgoing calls. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

/** Runs work under a correlation id, e.g. a message consumer continuing the id of the message. */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run(correlationId, work);
}

/**
 * The request's id, taken from `x-correlation-id` or generated, and echoed in the
 * response. Chosen once per request: the logger, the middleware and the
 * exception filter all ask, in an order that differs by route and error.
 */
export function correlationIdFor(req: IncomingMessage, res: ServerResponse): string {
  let id = chosen.get(req);
  if (id === undefined) {
    const given = req.headers[CORRELATION_ID_HEADER];
    id = typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
    chosen.set(req, id);
    if (!res.headersSent) res.setHeader(CORRELATION_ID_HEADER, id);
  }
  return id;
}
