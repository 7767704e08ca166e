import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidRequest } from '@bostadsko/errors';
import { fastifyClientProblem } from '../../errors/fastify-client-error.js';
import { toProblem } from '../../errors/problem-details.filter.js';
import { sendProblem } from '../../errors/problem-reply.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { nulCharacterFields } from './nul-characters.js';

/**
 * The longest path parameter the router accepts (Fastify's default, stated here
 * because it is a contract): every identifier in these APIs is far shorter, so a
 * longer one is refused with 414 before any route runs.
 */
export const MAX_PARAM_LENGTH = 100;

/**
 * The largest request body any route reads (Fastify's bodyLimit, stated because it
 * is a contract): the biggest JSON body here, a bank file of a few thousand
 * payments, is well under it. A larger body is 413 before it is parsed.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Fastify's options for what its router refuses before any hook or route runs
 * (a parameter over MAX_PARAM_LENGTH: 414, a malformed URL: 400): answered as
 * problem details like every other error, instead of Fastify's own JSON.
 */
export const routerLimits = {
  bodyLimit: MAX_BODY_BYTES,
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendProblem(request, reply, fastifyClientProblem(error) ?? toProblem(error)),
};

/**
 * Refuses hostile input once for every route of the app, Nest's and FastRoutes
 * alike, before any validation or handler sees it:
 * - a JSON body nested deeper than MAX_JSON_DEPTH, counted on the text before it
 *   is parsed (class-transformer would overflow the stack on it);
 * - a NUL character anywhere in the path parameters, query or body (PostgreSQL
 *   cannot store it in text), naming each field.
 * Both are 400 problem details through the app's error handling.
 */
export function guardInput(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  adapter.useBodyParser('application/json', false, { bodyLimit: fastify.initialConfig.bodyLimit }, (request: FastifyRequest, body: Buffer, done: (error: Error | null, parsed?: unknown) => void) => {
    const text = body.toString('utf8');
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(new InvalidRequest([{ field: 'body', messages: [`body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`] }]));
      return;
    }
    // Fastify's parser completes through done; the promise its type allows for carries nothing.
    void parseJson(request, text, done);
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    const fields = [...nulCharacterFields(request.params, 'path'), ...nulCharacterFields(request.query, 'query'), ...nulCharacterFields(request.body, 'body')];
    done(fields.length > 0 ? new InvalidRequest(fields) : undefined);
  });
}
