/** Injection tokens for the app's infrastructure, provided by ApplicantsModule. */
export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');
export const VAULT = Symbol('VAULT');
export const CLOCK = Symbol('CLOCK');
export const IDENTITY_SECRET = Symbol('IDENTITY_SECRET');

export type Clock = () => Date;
