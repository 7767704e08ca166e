import { deciderSpecification } from '@bostadsko/testing';
import { DEFAULT_POLICY } from '../policy/listing-policy.js';
import { seedHash, type Candidate } from '../ranking/rank.js';
import { decideListing, evolveListing, initialListingState, type ListingCommand } from './listing.decider.js';
import type { FlatDetails, ListingEvent, RankedApplicant } from './listing.events.js';

const given = deciderSpecification({ decide: decideListing, evolve: evolveListing, initialState: initialListingState });

const now = new Date('2026-11-24T10:00:00Z');
const flat: FlatDetails = {
  address: 'A 1',
  municipality: 'Göteborg',
  district: 'Majorna',
  rooms: 2,
  areaM2: 50,
  monthlyRent: 9000,
  floor: 1,
  lift: false,
  moveInDate: '2027-01-01',
  listingType: 'regular',
};
const requirements = { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true };
type Publish = Extract<ListingCommand, { type: 'publish' }>;
const publish = (over: Partial<Publish> = {}): Publish => ({
  type: 'publish',
  listingId: 'l-1',
  landlordId: 'landlord-1',
  publishedBy: 'user-1',
  now,
  flat,
  requirements,
  applicationDeadline: '2026-12-10',
  agreementStatus: 'active',
  policy: DEFAULT_POLICY,
  ...over,
});
/** The event a publish command records: what a listing promises seekers from its publication on. */
const publishedBy = (command: Publish): ListingEvent => ({
  type: 'listing-published',
  data: {
    listingId: 'l-1',
    landlordId: 'landlord-1',
    publishedBy: 'user-1',
    publishedAt: now.toISOString(),
    publishedOn: '2026-11-24',
    flat: command.flat,
    requirements: command.requirements,
    applicationDeadline: command.applicationDeadline,
    ...(command.lotterySeedHash && { lotterySeedHash: command.lotterySeedHash }),
  },
});
const published = publishedBy(publish());

const candidate: Candidate = { applicationId: 'a-1', applicantId: 's-1', submittedAt: '2026-11-25T00:00:00Z', failures: [], standing: { status: 'active', queueStartDate: '2020-01-01' } };
type Rank = Extract<ListingCommand, { type: 'rank' }>;
const rankAt = (iso: string, over: Partial<Rank> = {}): ListingCommand => ({
  type: 'rank',
  now: new Date(iso),
  policy: DEFAULT_POLICY,
  candidates: [candidate],
  ...over,
});
type RankedData = Extract<ListingEvent, { type: 'applications-ranked' }>['data'];
const ranked = (rankedAt: string, method: RankedData['method'], placed: Pick<RankedApplicant, 'queueDays' | 'queueStartDate'>, over: Partial<RankedData> = {}): ListingEvent => ({
  type: 'applications-ranked',
  data: {
    rankedAt: new Date(rankedAt).toISOString(),
    deadline: '2026-12-10',
    landlordId: 'landlord-1',
    policy: { ...DEFAULT_POLICY },
    method,
    ranking: [{ place: 1, applicationId: 'a-1', applicantId: 's-1', ...placed, appliedAt: '2026-11-25T00:00:00Z' }],
    excluded: [],
    applications: 1,
    ...over,
  },
});

describe('listing decider', () => {
  test('publishes with the requirements fixed and the Stockholm publication date', () => {
    given().when(publish()).then([published]);
  });

  test('only with an active agreement', () => {
    for (const agreementStatus of ['suspended', 'terminated', 'unknown'] as const) given().when(publish({ agreementStatus })).thenThrows('no-active-agreement');
  });

  test('dates: deadline today or later within the policy window; move-in after the deadline; age range in order', () => {
    const today = publish({ applicationDeadline: '2026-11-24' });
    given()
      .when(today)
      .then([publishedBy(today)]);
    given()
      .when(publish({ applicationDeadline: '2026-11-23' }))
      .thenThrows('invalid-listing', { extensions: { code: 'invalid-listing', errors: [{ field: 'applicationDeadline', messages: ['must be today or later'] }] } });
    const lastDay = publish({ applicationDeadline: '2026-12-31' });
    given()
      .when(lastDay)
      .then([publishedBy(lastDay)]);
    given()
      .when(publish({ applicationDeadline: '2027-01-24', flat: { ...flat, moveInDate: '2027-03-01' } }))
      .thenThrows('invalid-listing', { extensions: { code: 'invalid-listing', errors: [{ field: 'applicationDeadline', messages: ['at most 60 days after publication'] }] } });
    given()
      .when(publish({ flat: { ...flat, moveInDate: '2026-12-10' } }))
      .thenThrows('invalid-listing', { extensions: { code: 'invalid-listing', errors: [{ field: 'moveInDate', messages: ['must be after the application deadline'] }] } });
    given()
      .when(publish({ requirements: { ...requirements, minAge: 30, maxAge: 25 } }))
      .thenThrows('invalid-listing', { extensions: { code: 'invalid-listing', errors: [{ field: 'requirements.maxAge', messages: ['must not be below minAge'] }] } });
    given([published]).when(publish()).thenThrows('already-published', { status: 409 });
  });

  test('ranked only after the deadline day, once', () => {
    given([published]).when(rankAt('2026-12-10T22:59:00Z')).thenThrows('deadline-not-passed');
    given([published])
      .when(rankAt('2026-12-10T23:00:00Z'))
      .then([ranked('2026-12-10T23:00:00Z', 'queue-days', { queueDays: 2535, queueStartDate: '2020-01-01' })]);
    given([published, ranked('2026-12-11T10:00:00Z', 'queue-days', { queueDays: 2535, queueStartDate: '2020-01-01' })])
      .when(rankAt('2026-12-12T10:00:00Z'))
      .thenNothing();
  });

  test('a lottery is drawn only with the seed whose hash was published', () => {
    const seed = 'c'.repeat(64);
    const lottery = publish({ flat: { ...flat, listingType: 'lottery' }, lotterySeedHash: seedHash(seed) });
    given()
      .when(publish({ flat: { ...flat, listingType: 'lottery' } }))
      .thenThrows('invalid-listing', { extensions: { code: 'invalid-listing', errors: [{ field: 'listingType', messages: ['a lottery needs a published seed hash'] }] } });
    given()
      .when(lottery)
      .then([publishedBy(lottery)]);
    // Not a rule the landlord can break: the close job holds the seed, so a mismatch is a fault (500), not a refusal.
    given([publishedBy(lottery)])
      .when(rankAt('2026-12-11T10:00:00Z', { lotterySeed: 'd'.repeat(64) }))
      .thenThrows((error) => error instanceof Error && !('code' in error) && /does not match/.test(error.message));
    given([publishedBy(lottery)])
      .when(rankAt('2026-12-11T10:00:00Z', { lotterySeed: seed }))
      .then([ranked('2026-12-11T10:00:00Z', 'lottery', { queueDays: null, queueStartDate: null }, { lotterySeed: seed })]);
  });

  test('withdrawn by its own landlord only, idempotent; a let listing stays let', () => {
    const withdraw = (asLandlord?: string): ListingCommand => ({ type: 'withdraw', on: '2026-11-25', by: 'u', reason: 'withdrawn-by-landlord', asLandlord });
    const withdrawn: ListingEvent = { type: 'listing-withdrawn', data: { on: '2026-11-25', reason: 'withdrawn-by-landlord', by: 'u', landlordId: 'landlord-1' } };
    given([published]).when(withdraw('landlord-2')).thenThrows('not-your-listing', { status: 403 });
    given([published]).when(withdraw('landlord-1')).then([withdrawn]);
    given([published, withdrawn]).when(withdraw()).thenNothing();
    const letIt: ListingCommand = { type: 'mark-let', tenantApplicantId: 's-1', applicationId: 'a-1', contractDate: '2027-01-01' };
    const rankedEvent = ranked('2026-12-11T10:00:00Z', 'queue-days', { queueDays: 2535, queueStartDate: '2020-01-01' });
    const letEvent: ListingEvent = { type: 'listing-let', data: { tenantApplicantId: 's-1', applicationId: 'a-1', contractDate: '2027-01-01' } };
    given([published]).when(letIt).thenThrows('not-ranked');
    given([published, rankedEvent]).when(letIt).then([letEvent]);
    given([published, rankedEvent, letEvent]).when(withdraw()).thenThrows('already-let');
  });
});
