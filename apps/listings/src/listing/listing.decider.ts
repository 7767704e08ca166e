import { daysBetween, stockholmDate, type IsoDate } from '@bostadsko/calendar';
import type { ListingPolicy } from '../policy/listing-policy.js';
import { methodFor, rank, seedHash, type Candidate } from '../ranking/rank.js';
import { ListingRuleViolation } from './listing-rule-violation.js';
import type { FlatDetails, ListingEvent, Requirements } from './listing.events.js';

type Published = Extract<ListingEvent, { type: 'listing-published' }>['data'];
type Ranked = Extract<ListingEvent, { type: 'applications-ranked' }>['data'];
type Withdrawn = Extract<ListingEvent, { type: 'listing-withdrawn' }>['data'];
type Let = Extract<ListingEvent, { type: 'listing-let' }>['data'];

export type ListingStatus = 'open' | 'ranked' | 'withdrawn' | 'let';

export type ListingState =
  { readonly status: 'none' } | { readonly status: ListingStatus; readonly published: Published; readonly ranked?: Ranked; readonly withdrawn?: Withdrawn; readonly let?: Let };

export const initialListingState: ListingState = { status: 'none' };

export type ListingCommand =
  | {
      readonly type: 'publish';
      readonly listingId: string;
      readonly landlordId: string;
      readonly publishedBy: string;
      readonly now: Date;
      readonly flat: FlatDetails;
      readonly requirements: Requirements;
      readonly applicationDeadline: IsoDate;
      /** From the landlords app's integration events: the agreement status in effect today. */
      readonly agreementStatus: 'active' | 'suspended' | 'terminated' | 'unknown';
      readonly policy: ListingPolicy;
      /** Lottery only: the seed's SHA-256; the seed is kept out of the log until the draw. */
      readonly lotterySeedHash?: string;
    }
  | { readonly type: 'withdraw'; readonly on: IsoDate; readonly by: string; readonly reason: Withdrawn['reason']; readonly asLandlord?: string }
  | { readonly type: 'rank'; readonly now: Date; readonly policy: ListingPolicy; readonly candidates: readonly Candidate[]; readonly lotterySeed?: string }
  | { readonly type: 'mark-let'; readonly tenantApplicantId: string; readonly applicationId: string; readonly contractDate: IsoDate };

/** Requirements a listing type implies when the landlord sets none (DOMAIN.md: youth 18–25, senior 55+). */
export const TYPE_AGE_DEFAULTS: Partial<Record<FlatDetails['listingType'], { minAge: number | null; maxAge: number | null }>> = {
  youth: { minAge: 18, maxAge: 25 },
  senior: { minAge: 55, maxAge: null },
};

export function decideListing(command: ListingCommand, state: ListingState): ListingEvent[] {
  switch (command.type) {
    case 'publish': {
      if (state.status !== 'none') throw new ListingRuleViolation('already-published', 'This listing is already published');
      const today = stockholmDate(command.now);
      if (command.agreementStatus !== 'active') {
        throw new ListingRuleViolation('no-active-agreement', `Only a landlord with an active agreement can publish (agreement: ${command.agreementStatus})`);
      }
      const { flat, requirements: r, applicationDeadline } = command;
      const errors: Array<{ field: string; messages: string[] }> = [];
      if (applicationDeadline < today) errors.push({ field: 'applicationDeadline', messages: ['must be today or later'] });
      if (daysBetween(today, applicationDeadline) > command.policy.maxApplicationDays) {
        errors.push({ field: 'applicationDeadline', messages: [`at most ${command.policy.maxApplicationDays} days after publication`] });
      }
      if (flat.moveInDate <= applicationDeadline) errors.push({ field: 'moveInDate', messages: ['must be after the application deadline'] });
      if (r.minAge !== null && r.maxAge !== null && r.minAge > r.maxAge) errors.push({ field: 'requirements.maxAge', messages: ['must not be below minAge'] });
      if (flat.listingType === 'lottery' && !command.lotterySeedHash) errors.push({ field: 'listingType', messages: ['a lottery needs a published seed hash'] });
      if (errors.length > 0) throw new ListingRuleViolation('invalid-listing', errors.map((e) => `${e.field} ${e.messages.join(', ')}`).join('; '), { errors });
      return [
        {
          type: 'listing-published',
          data: {
            listingId: command.listingId,
            landlordId: command.landlordId,
            publishedBy: command.publishedBy,
            publishedAt: command.now.toISOString(),
            publishedOn: today,
            flat,
            requirements: r,
            applicationDeadline,
            ...(command.lotterySeedHash && { lotterySeedHash: command.lotterySeedHash }),
          },
        },
      ];
    }
    case 'withdraw': {
      if (state.status === 'none') throw new ListingRuleViolation('no-such-listing', 'No such listing');
      if (command.asLandlord !== undefined && command.asLandlord !== state.published.landlordId) throw new ListingRuleViolation('not-your-listing', 'This listing belongs to another landlord');
      if (state.status === 'withdrawn') return [];
      if (state.status === 'let') throw new ListingRuleViolation('already-let', 'The flat is let; the listing can no longer be withdrawn');
      return [{ type: 'listing-withdrawn', data: { on: command.on, reason: command.reason, by: command.by, landlordId: state.published.landlordId } }];
    }
    case 'rank': {
      if (state.status === 'none') throw new ListingRuleViolation('no-such-listing', 'No such listing');
      // Idempotent: a listing is ranked once, whatever the scheduler retries.
      if (state.status !== 'open') return [];
      const { published } = state;
      if (stockholmDate(command.now) <= published.applicationDeadline) {
        throw new ListingRuleViolation('deadline-not-passed', `Applications are open until the end of ${published.applicationDeadline}`);
      }
      const method = methodFor(published.flat.listingType);
      if (method === 'lottery' && (!command.lotterySeed || seedHash(command.lotterySeed) !== published.lotterySeedHash)) {
        throw new Error(`listing ${published.listingId}: the lottery seed does not match the published hash`);
      }
      const { ranking, excluded } = rank({ listingId: published.listingId, method, deadline: published.applicationDeadline, seed: command.lotterySeed, candidates: command.candidates });
      return [
        {
          type: 'applications-ranked',
          data: {
            rankedAt: command.now.toISOString(),
            deadline: published.applicationDeadline,
            landlordId: published.landlordId,
            policy: { ...command.policy },
            method,
            ...(method === 'lottery' && { lotterySeed: command.lotterySeed }),
            ranking,
            excluded,
            applications: command.candidates.length,
          },
        },
      ];
    }
    case 'mark-let': {
      if (state.status === 'none') throw new ListingRuleViolation('no-such-listing', 'No such listing');
      if (state.status === 'let') return [];
      if (state.status !== 'ranked') throw new ListingRuleViolation('not-ranked', 'Only a ranked listing can be let');
      return [{ type: 'listing-let', data: { tenantApplicantId: command.tenantApplicantId, applicationId: command.applicationId, contractDate: command.contractDate } }];
    }
  }
}

export function evolveListing(state: ListingState, event: ListingEvent): ListingState {
  switch (event.type) {
    case 'listing-published':
      return { status: 'open', published: event.data };
    case 'applications-ranked':
      return state.status === 'none' ? state : { ...state, status: 'ranked', ranked: event.data };
    case 'listing-withdrawn':
      return state.status === 'none' ? state : { ...state, status: 'withdrawn', withdrawn: event.data };
    case 'listing-let':
      return state.status === 'none' ? state : { ...state, status: 'let', let: event.data };
  }
}
