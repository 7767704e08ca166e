/** Injection tokens of the applicants app. */
export const VAULT = Symbol('VAULT');
export const CLOCK = Symbol('CLOCK');
/** Keys the HMAC that turns a personnummer into an identity stream name without revealing it. */
export const IDENTITY_SECRET = Symbol('IDENTITY_SECRET');

export type Clock = () => Date;
