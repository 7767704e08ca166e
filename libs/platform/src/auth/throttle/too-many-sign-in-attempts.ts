import { ProblemError } from '@bostadsko/errors';

/** 429: sign-in attempts wait until `retryAt`; the caller is told when, in the detail and in Retry-After. */
export class TooManySignInAttempts extends ProblemError {
  constructor(
    readonly retryAfterSeconds: number,
    retryAt: Date,
  ) {
    super(429, `Too many failed sign-ins: try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}, at ${retryAt.toISOString()}.`, {
      type: 'https://bostadsko.se/problems/sign-in-throttled',
      title: 'Too many failed sign-ins',
      extensions: { retryAfterSeconds, retryAt: retryAt.toISOString() },
    });
  }
}

/** For the OpenAPI document of every sign-in operation. */
export const THROTTLED_DESCRIPTION = 'Too many failed sign-ins for the account or from the address: problem details saying when to retry, and Retry-After in seconds';
