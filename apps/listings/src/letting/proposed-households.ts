import type { RecordedEvent } from '@bostadsko/event-store';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import type { LettingEvent, VerifiedFacts } from './letting.events.js';

export type SealedOpener = Pick<PersonalDataVault, 'open'>;

/** The household size the certificates showed, or null once the person's data has been erased. */
export async function householdSize(vault: SealedOpener, facts: Sealed): Promise<number | null> {
  return (await vault.open<VerifiedFacts>(facts))?.householdSize ?? null;
}

/** Household size by proposal, for the landlord deciding on it. */
export async function proposedHouseholds(vault: SealedOpener, events: readonly RecordedEvent[]): Promise<ReadonlyMap<string, number | null>> {
  const proposed = events.map((e) => e as unknown as LettingEvent).flatMap((e) => (e.type === 'tenant-proposed' ? [e.data] : []));
  const sizes = await Promise.all(proposed.map((p) => householdSize(vault, p.facts)));
  return new Map(proposed.map((p, i) => [p.proposalId, sizes[i]]));
}
