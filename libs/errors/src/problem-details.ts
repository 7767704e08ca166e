/** An RFC 9457 problem, as every error response of the platform's apps is shaped. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request path, without the query (which may carry personal data). */
  readonly instance: string;
  readonly correlationId: string;
  /** Present on validation errors: each offending field with its messages. */
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export interface FieldError {
  /** Dotted path into the payload, e.g. `address.postalCode` or `rooms.0.size`. */
  readonly field: string;
  readonly messages: readonly string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457: the type when the status code says it all; the title is then the status phrase. */
export const GENERIC_PROBLEM_TYPE = 'about:blank';
