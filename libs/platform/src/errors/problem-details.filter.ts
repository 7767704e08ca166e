import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { STATUS_CODES } from 'node:http';
import { GENERIC_PROBLEM_TYPE, ProblemError, type ProblemDetails } from '@bostadsko/errors';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { problemHeaders } from './problem-reply.js';

export type Problem = Pick<ProblemDetails, 'type' | 'title' | 'status' | 'detail'> & Readonly<Record<string, unknown>>;

/**
 * Every error leaves as RFC 9457 problem details. Only messages meant for the
 * caller are shown (HttpExceptions, ProblemErrors, Fastify's own 4xx errors,
 * which the adapter turns into HttpExceptions); a database that cannot be reached
 * is a 503 with Retry-After; anything else is logged and answered with a generic 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectPinoLogger(ProblemDetailsFilter.name) private readonly logger: PinoLogger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    // Fastify's request, or for errors in Nest middleware the raw one, to which middie copies the id.
    const request = http.getRequest<{ id: string }>();
    const response = http.getResponse<object>();
    const correlationId = request.id;
    const problem = toProblem(exception);
    if (problem.status >= 500) this.logger.error({ err: exception }, problem.detail);

    const adapter = this.adapterHost.httpAdapter;
    if (adapter.isHeadersSent(response)) {
      adapter.end(response);
      return;
    }
    const body: ProblemDetails = { ...problem, instance: pathOf(adapter.getRequestUrl(request)), correlationId };
    for (const [name, value] of Object.entries(problemHeaders(problem.status))) adapter.setHeader(response, name, value);
    adapter.reply(response, body, problem.status);
  }
}

/** The problem an exception becomes: shared with routes that bypass Nest's pipeline (FastRoutes). */
export function toProblem(exception: unknown): Problem {
  if (exception instanceof ProblemError) {
    return {
      ...exception.extensions,
      type: exception.type,
      title: exception.title,
      status: exception.status,
      detail: exception.message,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return generic(status, detailOf(exception.getResponse()) ?? statusText(status));
  }
  // Matched by name so the filter does not depend on the event store's implementation.
  const name = exception instanceof Error ? exception.name : undefined;
  if (name === 'VersionConflictError') {
    return generic(409, 'The resource was changed by another request; fetch it again and retry.');
  }
  if (name === 'EventStoreUnavailableError') {
    return generic(503, 'The event store is unavailable; try again later.');
  }
  if (isDatabaseUnavailable(exception)) {
    return generic(503, 'The database is unavailable; try again later.');
  }
  return generic(500, 'An unexpected error occurred. Quote the correlationId when reporting it.');
}

function generic(status: number, detail: string): Problem {
  return { type: GENERIC_PROBLEM_TYPE, title: statusText(status), status, detail };
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** Nest's exceptions carry a string, or `{ message }` with a string or, from pipes, a list. */
function detailOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}
