import type { StandardRequirements } from '@bostadsko/contracts';
import type { IsoDate } from '@bostadsko/calendar';
import { inForceOn, type GuidelineChange } from '../read-models/landlords.projection.js';
import { TYPE_AGE_DEFAULTS } from './listing.decider.js';
import type { FlatDetails, Requirements } from './listing.events.js';

const NONE: StandardRequirements = { incomeMultiple: null, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: false };

/**
 * The requirements a new listing starts from: the landlord's guideline in force
 * on the date (its override for the listing type, else its standard), then the
 * type's age range where neither age bound is set (youth 18–25, senior 55+).
 */
export function requirementsFor(guidelines: readonly GuidelineChange[], type: FlatDetails['listingType'], on: IsoDate, given?: Partial<Requirements>): Requirements {
  const guideline = inForceOn(guidelines, on);
  const base = given ? { ...NONE, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } : (guideline?.byListingType[type] ?? guideline?.standard ?? NONE);
  const ages = TYPE_AGE_DEFAULTS[type];
  return ages && base.minAge === null && base.maxAge === null ? { ...base, ...ages } : base;
}
