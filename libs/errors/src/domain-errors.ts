import { GENERIC_PROBLEM_TYPE, type FieldError } from './problem-details.js';

/** The status phrases (as node:http names them), kept here so that pure code loads no HTTP module. */
const STATUS_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  511: 'Network Authentication Required',
};

export interface ProblemErrorOptions {
  /** A URI naming the kind of problem, for clients to branch on, e.g. `https://bostadsko.se/problems/queue-closed`. */
  readonly type?: string;
  /** Short and the same for every occurrence of the type; defaults to the status phrase. */
  readonly title?: string;
  /** Extra members of the problem body, e.g. `{ currentVersion: 4 }`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * An error whose message is safe to show the caller: the exception filter turns
 * it into a problem with this status, and the message becomes the `detail`.
 * Apps throw the subclasses below, or subclasses of those with their own `type`.
 */
export abstract class ProblemError extends Error {
  readonly type: string;
  readonly title: string;
  readonly extensions: Readonly<Record<string, unknown>>;

  protected constructor(
    readonly status: number,
    detail: string,
    options: ProblemErrorOptions = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = new.target.name;
    this.type = options.type ?? GENERIC_PROBLEM_TYPE;
    this.title = options.title ?? STATUS_PHRASES[status] ?? 'Error';
    this.extensions = options.extensions ?? {};
  }
}

/** The request was well-formed but breaks a business rule (422). */
export class DomainRuleViolation extends ProblemError {
  constructor(detail: string, options?: ProblemErrorOptions) {
    super(422, detail, options);
  }
}

export class NotFound extends ProblemError {
  constructor(detail: string, options?: ProblemErrorOptions) {
    super(404, detail, options);
  }
}

/** The request clashes with the current state, e.g. a duplicate (409). */
export class Conflict extends ProblemError {
  constructor(detail: string, options?: ProblemErrorOptions) {
    super(409, detail, options);
  }
}

/** An `If-Match` (or similar) condition did not hold: the caller's copy is stale (412). */
export class PreconditionFailed extends ProblemError {
  constructor(detail: string, options?: ProblemErrorOptions) {
    super(412, detail, options);
  }
}

/** A dependency is down; the caller may retry later (503). */
export class ServiceUnavailable extends ProblemError {
  constructor(detail: string, options?: ProblemErrorOptions) {
    super(503, detail, options);
  }
}

/** The request's payload, query or parameters failed validation (400), field by field. */
export class InvalidRequest extends ProblemError {
  constructor(
    readonly errors: readonly FieldError[],
    detail = 'The request is invalid; see errors for each field.',
    options?: ProblemErrorOptions,
  ) {
    super(400, detail, { ...options, extensions: { ...options?.extensions, errors } });
  }
}

/**
 * The base of each app's rule violation (`<App>RuleViolation`): the code names the rule and
 * becomes the problem type `https://bostadsko.se/problems/<area>/<code>`; the status is the
 * app's for that code, 422 (a rule) unless it says 404, 409 or 403.
 */
export abstract class RuleViolation extends ProblemError {
  protected constructor(
    area: string,
    statusByCode: Readonly<Record<string, number>>,
    readonly code: string,
    message: string,
    extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(statusByCode[code] ?? 422, message, { type: `https://bostadsko.se/problems/${area}/${code}`, extensions });
  }
}
