import type { Role } from '../auth/roles.js';
import { InvalidValue } from './env.js';

/** Only back-office accounts come from configuration; applicants and landlord users register through their apps. */
export const SEEDABLE_ROLES = ['staff', 'analyst', 'admin'] as const satisfies readonly Role[];

export type SeedableRole = (typeof SEEDABLE_ROLES)[number];

export interface SeedAccount {
  readonly username: string;
  /** Shown in the back office where the account decided or looked; null when the entry gives none. */
  readonly name: string | null;
  readonly password: string;
  readonly roles: readonly SeedableRole[];
}

const MIN_PASSWORD_LENGTH = 8;

/**
 * SEED_ACCOUNTS is a comma-separated list of `roles:username:password`, where
 * roles are joined by `+`: `staff:anna@agency.se:Secret123!,analyst+admin:olle@agency.se:An4lys!s`.
 * Everything after the second colon is the password, so it may contain colons but not commas.
 * Usernames are case-insensitive and stored in lower case. A username may carry the person's name as a
 * mailbox does, `staff:Anna Andersson <anna@agency.se>:Secret123!`: the back office shows it.
 */
export function parseSeedAccounts(raw: string): SeedAccount[] {
  const accounts = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, index) => parseEntry(entry, index + 1));
  const seen = new Set<string>();
  for (const [index, account] of accounts.entries()) {
    if (seen.has(account.username)) throw new InvalidValue(`entry ${index + 1} repeats username "${account.username}"`);
    seen.add(account.username);
  }
  return accounts;
}

// Messages never quote the entry: it holds a password.
function parseEntry(entry: string, position: number): SeedAccount {
  const [rolesPart, usernamePart, ...passwordParts] = entry.split(':');
  const password = passwordParts.join(':');
  const mailbox = /^(.*?)\s*<([^<>]+)>$/.exec(usernamePart?.trim() ?? '');
  const name = mailbox?.[1].trim() || null;
  const username = (mailbox ? mailbox[2] : (usernamePart ?? '')).trim().toLowerCase();
  if (!rolesPart || username === '' || password === '') {
    throw new InvalidValue(`entry ${position} must have the form roles:username:password`);
  }
  const roles = rolesPart.split('+').map((role) => role.trim());
  const unknown = roles.filter((role) => !(SEEDABLE_ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    throw new InvalidValue(`entry ${position} has unknown role ${unknown.map((r) => `"${r}"`).join(', ')} (allowed: ${SEEDABLE_ROLES.join(', ')})`);
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new InvalidValue(`entry ${position} has a password shorter than ${MIN_PASSWORD_LENGTH} characters`);
  }
  return { username, name, password, roles: [...new Set(roles as SeedableRole[])] };
}
