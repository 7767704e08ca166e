/** One field an API refused, as its problem details name it. */
export interface FieldProblem {
  readonly field: string;
  readonly messages: readonly string[];
  readonly codes?: readonly string[];
}

/** An RFC 9457 problem from one of the apps, kept whole so a page can show each part in the person's language. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code?: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

/** The app refused the request (4xx): the page shows why. */
export class ApiRefusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The person's token is missing, expired or revoked: they sign in again and come back. */
export class SessionExpired extends Error {}

/** An app did not answer or failed (5xx): the page says so without blaming the person. */
export class ApiUnavailable extends Error {}
