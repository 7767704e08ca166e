import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@bostadsko/errors';
import { RETRY_AFTER_SECONDS } from './database-unavailable.js';
import type { Problem } from './problem-details.filter.js';

/** The headers a problem's status calls for: RFC 6750 names the scheme on a 401, RFC 9110 says when to retry a 503. */
export function problemHeaders(status: number): Record<string, string> {
  return {
    'content-type': PROBLEM_CONTENT_TYPE,
    ...(status === 401 && { 'www-authenticate': 'Bearer' }),
    ...(status === 503 && { 'retry-after': String(RETRY_AFTER_SECONDS) }),
  };
}

/** Sends a problem from Fastify directly, for what Nest's filter never sees: FastRoutes and Fastify's own routing errors. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): void {
  reply
    .status(problem.status)
    .headers(problemHeaders(problem.status))
    .send({ ...problem, instance: request.url.split('?')[0], correlationId: request.id });
}
