import { DEFAULT_POLICY } from '../policy/listing-policy.js';
import { seedHash, type Candidate } from '../ranking/rank.js';
import { ListingRuleViolation } from './listing-rule-violation.js';
import { decideListing, evolveListing, initialListingState, type ListingCommand, type ListingState } from './listing.decider.js';
import type { FlatDetails } from './listing.events.js';

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
const publish = (over: Partial<Extract<ListingCommand, { type: 'publish' }>> = {}): ListingCommand => ({
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
const candidate: Candidate = { applicationId: 'a-1', applicantId: 's-1', submittedAt: '2026-11-25T00:00:00Z', failures: [], standing: { status: 'active', queueStartDate: '2020-01-01' } };
const rankAt = (iso: string, over: Partial<Extract<ListingCommand, { type: 'rank' }>> = {}): ListingCommand => ({
  type: 'rank',
  now: new Date(iso),
  policy: DEFAULT_POLICY,
  candidates: [candidate],
  ...over,
});

function given(...commands: ListingCommand[]) {
  const state = commands.reduce<ListingState>((s, c) => decideListing(c, s).reduce(evolveListing, s), initialListingState);
  return { state, when: (c: ListingCommand) => decideListing(c, state) };
}
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as ListingRuleViolation).code ?? (error as Error).message;
  }
  return 'no refusal';
};

describe('listing decider', () => {
  test('publishes with the requirements fixed and the Stockholm publication date', () => {
    expect(given().when(publish())).toMatchObject([{ type: 'listing-published', data: { publishedOn: '2026-11-24', requirements, landlordId: 'landlord-1' } }]);
  });

  test('only with an active agreement', () => {
    for (const agreementStatus of ['suspended', 'terminated', 'unknown'] as const) expect(refusal(() => given().when(publish({ agreementStatus })))).toBe('no-active-agreement');
  });

  test('dates: deadline today or later within the policy window; move-in after the deadline; age range in order', () => {
    expect(given().when(publish({ applicationDeadline: '2026-11-24' }))).toHaveLength(1);
    expect(refusal(() => given().when(publish({ applicationDeadline: '2026-11-23' })))).toBe('invalid-listing');
    expect(refusal(() => given().when(publish({ applicationDeadline: '2026-12-31' })))).toBe('no refusal');
    expect(refusal(() => given().when(publish({ applicationDeadline: '2027-01-24', flat: { ...flat, moveInDate: '2027-03-01' } })))).toBe('invalid-listing');
    expect(refusal(() => given().when(publish({ flat: { ...flat, moveInDate: '2026-12-10' } })))).toBe('invalid-listing');
    expect(refusal(() => given().when(publish({ requirements: { ...requirements, minAge: 30, maxAge: 25 } })))).toBe('invalid-listing');
    expect(refusal(() => given(publish()).when(publish()))).toBe('already-published');
  });

  test('ranked only after the deadline day, once', () => {
    expect(refusal(() => given(publish()).when(rankAt('2026-12-10T22:59:00Z')))).toBe('deadline-not-passed');
    const ranked = given(publish()).when(rankAt('2026-12-10T23:00:00Z'));
    expect(ranked).toMatchObject([{ type: 'applications-ranked', data: { method: 'queue-days', applications: 1, landlordId: 'landlord-1', ranking: [{ place: 1, queueDays: 2535 }] } }]);
    expect(given(publish(), rankAt('2026-12-11T10:00:00Z')).when(rankAt('2026-12-12T10:00:00Z'))).toEqual([]);
  });

  test('a lottery is drawn only with the seed whose hash was published', () => {
    const seed = 'c'.repeat(64);
    const lottery = publish({ flat: { ...flat, listingType: 'lottery' }, lotterySeedHash: seedHash(seed) });
    expect(refusal(() => given().when(publish({ flat: { ...flat, listingType: 'lottery' } })))).toBe('invalid-listing');
    expect(refusal(() => given(lottery).when(rankAt('2026-12-11T10:00:00Z', { lotterySeed: 'd'.repeat(64) })))).toMatch(/does not match/);
    expect(given(lottery).when(rankAt('2026-12-11T10:00:00Z', { lotterySeed: seed }))).toMatchObject([{ data: { method: 'lottery', lotterySeed: seed } }]);
  });

  test('withdrawn by its own landlord only, idempotent; a let listing stays let', () => {
    const withdraw = (asLandlord?: string): ListingCommand => ({ type: 'withdraw', on: '2026-11-25', by: 'u', reason: 'withdrawn-by-landlord', asLandlord });
    expect(refusal(() => given(publish()).when(withdraw('landlord-2')))).toBe('not-your-listing');
    expect(given(publish()).when(withdraw('landlord-1'))).toMatchObject([{ type: 'listing-withdrawn', data: { landlordId: 'landlord-1' } }]);
    expect(given(publish(), withdraw()).when(withdraw())).toEqual([]);
    const letIt: ListingCommand = { type: 'mark-let', tenantApplicantId: 's-1', applicationId: 'a-1', contractDate: '2027-01-01' };
    expect(refusal(() => given(publish()).when(letIt))).toBe('not-ranked');
    expect(refusal(() => given(publish(), rankAt('2026-12-11T10:00:00Z'), letIt).when(withdraw()))).toBe('already-let');
  });
});
