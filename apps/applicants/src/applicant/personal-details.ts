import type { RecordedEvent } from '@bostadsko/event-store';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import type { PersonalDetails } from './applicant.events.js';

/** The latest sealed details in an applicant's events, opened; undefined once erased. */
export async function currentDetails(vault: PersonalDataVault, events: readonly RecordedEvent[]): Promise<PersonalDetails | undefined> {
  const latest = [...events].reverse().find((e) => e.type === 'applicant-registered' || e.type === 'personal-details-changed');
  return latest ? vault.open<PersonalDetails>((latest.data as { personal: Sealed }).personal) : undefined;
}

/** What a person is shown of their details: never the password hash. */
export function shown(details: PersonalDetails | undefined): Omit<PersonalDetails, 'passwordHash'> | null {
  if (!details) return null;
  const { passwordHash: _hidden, ...rest } = details;
  return rest;
}

/** An event as the person may read it: sealed parts opened (or marked erased), no password hash. */
export async function readable(vault: PersonalDataVault, event: RecordedEvent): Promise<Record<string, unknown>> {
  const data = { ...(event.data as Record<string, unknown>) };
  if (data.personal) data.personal = shown(await vault.open<PersonalDetails>(data.personal as Sealed)) ?? '(erased)';
  if (data.fromAddress) data.fromAddress = (await vault.open<string>(data.fromAddress as Sealed)) ?? '(erased)';
  return { type: event.type, recordedAt: event.recordedAt.toISOString(), actor: event.metadata.actor ?? null, data };
}
