/** Injection token of the listings vault (PersonalDataVault over this app's database). */
export const VAULT = Symbol('LISTINGS_VAULT');
