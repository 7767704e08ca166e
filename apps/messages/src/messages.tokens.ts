/** Injection tokens of the messages app. */
export const VAULT = Symbol('VAULT');
export const PERSON_MESSAGES = Symbol('PERSON_MESSAGES');
export const INBOX = Symbol('INBOX');
export const MESSAGES_CONFIG = Symbol('MESSAGES_CONFIG');
export const SAVED_SEARCHES = Symbol('SAVED_SEARCHES');
export const THREADS = Symbol('THREADS');
