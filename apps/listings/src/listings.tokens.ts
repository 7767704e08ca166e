/** Injection tokens of the listings app. */
export const VAULT = Symbol('LISTINGS_VAULT');
export const CLOCK = Symbol('LISTINGS_CLOCK');

export type Clock = () => Date;
