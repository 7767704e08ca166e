import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@bostadsko/errors';
import { MAX_BODY_BYTES, MAX_PARAM_LENGTH } from '../http/input/input-guards.js';
import { RETRY_AFTER_SECONDS } from './database-unavailable.js';

const PROBLEM_SCHEMA = 'ProblemDetails';

const PROBLEM_DETAILS = {
  type: 'object',
  description: 'RFC 9457 problem details: the body of every error response',
  required: ['type', 'title', 'status', 'detail', 'instance', 'correlationId'],
  properties: {
    type: { type: 'string', description: 'A URI naming the kind of problem; about:blank when the status says it all', example: 'about:blank' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'The request is invalid; see errors for each field.' },
    instance: { type: 'string', description: 'The request path, without the query', example: '/applicants' },
    correlationId: { type: 'string', description: 'Quote it when reporting a problem' },
    errors: {
      type: 'array',
      description: 'On 400: each offending field with its messages',
      items: { type: 'object', required: ['field', 'messages'], properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } } },
    },
  },
  additionalProperties: true,
};

// What any operation may answer whatever its controller says: the platform's own refusals and outages.
const EVERY_OPERATION: Readonly<Record<string, string>> = {
  '400': 'The request is invalid (a field, a JSON body nested too deep, a NUL character, an impossible date): `errors` names each field',
  '500': 'An unexpected error; quote the correlationId',
  '503': `A dependency (the database, the event store) is unavailable; retry after the Retry-After seconds (${RETRY_AFTER_SECONDS})`,
};
const SECURED: Readonly<Record<string, string>> = {
  '401': 'No valid bearer token',
  '403': 'The token lacks a role the operation requires, or the resource is not the caller’s',
};
const WITH_PATH_PARAMETERS: Readonly<Record<string, string>> = { '414': `A path parameter is longer than any identifier (over ${MAX_PARAM_LENGTH} characters)` };
const WITH_BODY: Readonly<Record<string, string>> = { '413': `The body is larger than any request needs (over ${MAX_BODY_BYTES} bytes)` };

interface Operation {
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{ in?: string }>;
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
}

/**
 * Documents the error responses of every operation as what they are, problem
 * details (application/problem+json, one shared schema): the ones controllers
 * declare get the schema, and the ones the platform answers for every route are
 * added. A response that already declares its own body (the health report) keeps it.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA]: PROBLEM_DETAILS } };
  const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } } };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Operation[]) {
      if (typeof operation !== 'object' || !operation.responses) continue;
      const security = operation.security ?? document.security ?? [];
      const secured = security.length > 0 && !security.some((requirement) => Object.keys(requirement).length === 0);
      const hasPathParameters = (operation.parameters ?? []).some((parameter) => parameter.in === 'path');
      const implied = { ...EVERY_OPERATION, ...(secured && SECURED), ...(hasPathParameters && WITH_PATH_PARAMETERS), ...(operation.requestBody !== undefined && WITH_BODY) };
      for (const [status, description] of Object.entries(implied)) operation.responses[status] ??= { description };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^[45]/.test(status) || response.content) continue;
        response.content = problemContent;
        if (status === '503') response.headers = { ...response.headers, 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } };
      }
    }
  }
  return document;
}
