/** Injection tokens of the applicants app. */
export const VAULT = Symbol('VAULT');
/** Keys the HMAC that turns a personnummer into an identity stream name without revealing it. */
export const IDENTITY_SECRET = Symbol('IDENTITY_SECRET');
