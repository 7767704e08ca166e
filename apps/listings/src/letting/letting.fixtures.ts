import type { RankedApplicant } from '../listing/listing.events.js';
import type { LettingContext } from './letting.context.js';
import { DEFAULT_LETTING_POLICY, type LettingRules } from './letting.policy.js';

/** A ranked listing for the pure letting specs: 12 eligible applicants, place n is application `app-n` of seeker `seeker-n`. */
export const LISTING_ID = '11111111-1111-4111-8111-111111111111';
const LANDLORD_ID = '22222222-2222-4222-8222-222222222222';

const ranked = (place: number): RankedApplicant => ({
  place,
  applicationId: `app-${place}`,
  applicantId: `seeker-${place}`,
  queueDays: 4000 - place * 100,
  queueStartDate: '2015-01-01',
  appliedAt: '2026-11-01T10:00:00.000Z',
});

export const context = (overrides: Partial<LettingContext> = {}): LettingContext => ({
  listingId: LISTING_ID,
  landlordId: LANDLORD_ID,
  flat: {
    address: 'Storgatan 1',
    municipality: 'Göteborg',
    district: 'Majorna',
    rooms: 2,
    areaM2: 54,
    monthlyRent: 10_000,
    floor: 3,
    lift: true,
    moveInDate: '2027-01-01',
    listingType: 'regular',
  },
  publishedOn: '2026-11-01',
  requirements: { incomeMultiple: 3, maxHouseholdSize: 3, minAge: null, maxAge: null, noPaymentRemarks: true },
  deadline: '2026-11-15',
  method: 'queue-days',
  ranking: Array.from({ length: 12 }, (_, i) => ranked(i + 1)),
  applications: 15,
  status: 'ranked',
  nonTaxableIncomeFactor: 1.5,
  showingInvitations: undefined,
  ...overrides,
});

export const policy: LettingRules = { ...DEFAULT_LETTING_POLICY, showingInvitations: 10 };

export const SEALED = { subject: 'seeker', iv: 'iv', tag: 'tag', data: 'data' };

/** Income exactly three yearly rents, a household of two, no remarks: passes the fixture's requirements. */
export const goodFacts = { householdSize: 2, taxableIncome: 360_000, nonTaxableIncome: 0, birthDate: '1990-05-05', hasPaymentRemarks: false };

export const at = (date: string, time = '10:00:00') => new Date(`${date}T${time}Z`);
