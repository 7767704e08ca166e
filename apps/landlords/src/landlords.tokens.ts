/** Injection tokens of the landlords app. */
export const VAULT = Symbol('VAULT');
/** Keys the HMAC that turns a user's e-mail into a claim stream name without revealing it. */
export const EMAIL_SECRET = Symbol('EMAIL_SECRET');
/** The case streams' DeciderHandler. */
export const CASES = Symbol('CASES');
/** The letting guideline streams' DeciderHandler. */
export const GUIDELINES = Symbol('GUIDELINES');
