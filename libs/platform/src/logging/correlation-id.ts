import type { FastifyInstance } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const CORRELATION_ID_HEADER = 'x-correlation-id';

// A caller's id ends up in logs and event metadata, so only short plain tokens are taken over.
const ACCEPTED = /^[\w.:-]{1,128}$/;

const storage = new AsyncLocalStorage<string>();

/** The correlation id of the request (or job) being handled, for event metadata and outgoing calls. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

/** Runs work under a correlation id, e.g. a message consumer continuing the id of the message. */
function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run(correlationId, work);
}

/**
 * Fastify's request id generator: the caller's `x-correlation-id` when acceptable,
 * else a new UUID. Being Fastify's id, it is also pino-http's and the one the
 * exception filter reports.
 */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_ID_HEADER];
  return typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
}

/** Echoes the id in every response and makes it current for the whole of the request's handling. */
export function propagateCorrelationId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    // On the raw response, so it also goes out with replies Nest builds for middleware errors.
    reply.raw.setHeader(CORRELATION_ID_HEADER, request.id);
    withCorrelationId(request.id, done);
  });
}
