import { LISTING_TYPES } from '@bostadsko/contracts';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { LandlordRuleViolation } from '../shared/rule-violation.js';
import type { GuidelineEvent, GuidelineVersion, Requirements } from './guideline.events.js';

export interface GuidelineState {
  readonly versions: readonly GuidelineVersion[];
}

export const initialGuideline: GuidelineState = { versions: [] };

export interface ChangeGuideline {
  readonly type: 'change-guideline';
  readonly landlordId: string;
  readonly effectiveFrom: IsoDate;
  readonly standard: Requirements;
  readonly byListingType: Readonly<Record<string, Requirements>>;
  readonly reason: string;
  readonly changedBy: string;
  readonly now: Date;
}

function checkRequirements(where: string, r: Requirements): void {
  if (r.minAge !== null && r.maxAge !== null && r.minAge > r.maxAge) {
    throw new LandlordRuleViolation('age-range', `${where}: minAge ${r.minAge} is above maxAge ${r.maxAge}`);
  }
  if (r.minAge !== null && r.minAge < 16) throw new LandlordRuleViolation('age-range', `${where}: no one under 16 can be in the queue`);
}

/**
 * A new version applies to listings published from its date on; published
 * listings keep the requirements they were published with. So a change is never
 * backdated, and never placed before a version already scheduled.
 */
export function decideGuideline(command: ChangeGuideline, state: GuidelineState): GuidelineEvent[] {
  const today = stockholmDate(command.now);
  if (command.effectiveFrom < today)
    throw new LandlordRuleViolation('date-in-past', `effectiveFrom ${command.effectiveFrom} is in the past; a guideline applies to new listings from today (${today}) on`);
  const latest = state.versions[state.versions.length - 1];
  if (latest && command.effectiveFrom < latest.effectiveFrom) {
    throw new LandlordRuleViolation('date-before-scheduled-change', `effectiveFrom is before the version already effective from ${latest.effectiveFrom}`);
  }
  const unknown = Object.keys(command.byListingType).filter((t) => !(LISTING_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) throw new LandlordRuleViolation('unknown-listing-type', `Unknown listing types: ${unknown.join(', ')}; known are ${LISTING_TYPES.join(', ')}`);
  checkRequirements('standard', command.standard);
  for (const [type, requirements] of Object.entries(command.byListingType)) checkRequirements(type, requirements);
  const { landlordId, effectiveFrom, standard, byListingType, reason, changedBy } = command;
  return [{ type: 'letting-guideline-changed', data: { landlordId, effectiveFrom, standard, byListingType, reason, changedBy, changedAt: command.now.toISOString() } }];
}

export function evolveGuideline(state: GuidelineState, event: GuidelineEvent): GuidelineState {
  const { landlordId: _landlordId, ...version } = event.data;
  return { versions: [...state.versions, version] };
}

/** The version in force on a date: the latest effective on or before it (a later record wins on the same date). */
export function guidelineOn(state: GuidelineState, date: IsoDate): GuidelineVersion | undefined {
  return state.versions.filter((v) => v.effectiveFrom <= date).at(-1);
}

/** What a new listing of this type is prefilled with on a date. */
export function requirementsFor(version: GuidelineVersion, listingType: string): Requirements {
  return version.byListingType[listingType] ?? version.standard;
}
