import type { PersonalDataVault } from './personal-data.vault.js';
import type { Sealed } from './sealed.js';
import { NotFound } from '@bostadsko/errors';

/** Who answers for every section: one controller for the whole register, whichever app holds the data. */
export const DATA_CONTROLLER = 'The housing agency (bostadsförmedlingen), the data controller for this register';

/** One recorded fact about the person: what, when, and its content with sealed parts opened. */
export interface ExtractRecord {
  readonly type: string;
  readonly at: string | null;
  readonly data: unknown;
}

/** One staff read of the person's data: who, when, why, what. */
export interface AccessLogEntry {
  readonly app: string;
  readonly readAt: string;
  readonly actor: string;
  readonly roles: readonly string[];
  readonly action: string;
  readonly reason: string;
}

/**
 * An app's part of the GDPR article 15 register extract. Every app answers in
 * this shape, so the website can show and combine the sections without knowing
 * what each app keeps.
 */
export interface RegisterExtractSection {
  readonly app: string;
  readonly controller: string;
  readonly generatedAt: string;
  readonly applicantId: string;
  /** What the app keeps and why, in one sentence. */
  readonly purpose: string;
  /** Current personal data; null where the app keeps none (or it was erased). */
  readonly personalData: Readonly<Record<string, unknown>> | null;
  readonly records: readonly ExtractRecord[];
  readonly accessLog: readonly AccessLogEntry[];
}

const ERASED = '(erased)';

const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null && ['subject', 'iv', 'tag', 'data'].every((k) => typeof (value as Record<string, unknown>)[k] === 'string') && Object.keys(value).length === 4;

/** A stored value as the person may read it: every sealed part opened, or marked erased once its key is gone. */
export async function openedForExtract(vault: PersonalDataVault, value: unknown): Promise<unknown> {
  if (isSealed(value)) return (await vault.open(value)) ?? ERASED;
  if (Array.isArray(value)) return Promise.all(value.map((item) => openedForExtract(vault, item)));
  if (typeof value !== 'object' || value === null) return value;
  const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await openedForExtract(vault, item)] as const));
  return Object.fromEntries(entries);
}

/**
 * The section, or a 404 when the app holds nothing about the person: an app that never
 * heard of them says so as every other read of an unknown resource does, and the website
 * shows no section for it.
 */
export function heldOrNotFound(section: RegisterExtractSection): RegisterExtractSection {
  if (section.personalData === null && section.records.length === 0 && section.accessLog.length === 0) {
    throw new NotFound(`The ${section.app} app holds nothing about this person`);
  }
  return section;
}
