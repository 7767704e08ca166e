import { STATUS_CODES } from 'node:http';
import { GENERIC_PROBLEM_TYPE } from '@bostadsko/errors';
import type { Problem } from './problem-details.filter.js';

/** Fastify's own 4xx errors (a malformed JSON body or URL, a wrong content type, a body too large) keep their status and message. */
export function fastifyClientProblem(error: unknown): Problem | undefined {
  const { statusCode, code, message } = error as { statusCode?: number; code?: string; message?: string };
  if (typeof code !== 'string' || !code.startsWith('FST_') || !statusCode || statusCode < 400 || statusCode >= 500) return undefined;
  return { type: GENERIC_PROBLEM_TYPE, title: STATUS_CODES[statusCode] ?? 'Bad Request', status: statusCode, detail: message ?? 'The request could not be read' };
}
