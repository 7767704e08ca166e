import { AgreementStatusChangedV1, LandlordRegisteredV1, LandlordUserChangedV1, LettingGuidelineChangedV1, type Contract } from '@bostadsko/contracts';
import { toIntegrationMessages } from './landlords.integration.js';
import { recorded } from './recorded-event.js';

const landlordId = '0b6d1f44-33a1-4c8e-9a55-1d3f7e2c9a01';
const agreementId = 'a6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f';
const userId = 'c1d2e3f4-58d4-4a0b-8f11-7e2b3c4d5e6f';
const sealed = { subject: landlordId, iv: 'iv', tag: 'tag', data: 'secret' };
const contracts: Record<string, Contract<unknown>> = Object.fromEntries(
  [LandlordRegisteredV1, AgreementStatusChangedV1, LandlordUserChangedV1, LettingGuidelineChangedV1].map((c) => [c.type, c as Contract<unknown>]),
);

/** Maps the event and checks every message against its agreed contract. */
function map(streamId: string, type: string, data: unknown) {
  return toIntegrationMessages(recorded(streamId, type, data)).map((m) => ({ type: m.type, key: m.key, payload: contracts[m.type].parse(m.payload) }));
}

describe('landlords integration mapper', () => {
  const stream = `landlord-${landlordId}`;

  test('registration: organisation data only, never the sealed contact', () => {
    const [message] = map(stream, 'landlord-registered', { landlordId, name: 'AB', organisationNumber: '556036-0793', contact: sealed, registeredAt: '2026-11-24T10:00:00Z' });
    expect(message).toEqual({ type: LandlordRegisteredV1.type, key: landlordId, payload: { landlordId, name: 'AB', organisationNumber: '556036-0793' } });
  });

  test('agreement events become dated statuses; termination from its notice date', () => {
    expect(map(stream, 'agreement-signed', { agreementId, effectiveFrom: '2026-12-01', terms: 't', signedOn: '2026-11-24', signedBy: 's' })[0].payload).toEqual({
      landlordId,
      agreementId,
      status: 'active',
      effectiveFrom: '2026-12-01',
      reason: 'agreement signed',
    });
    expect(map(stream, 'agreement-suspended', { agreementId, effectiveFrom: '2026-12-10', reason: 'Unpaid', decidedBy: 's' })[0].payload).toMatchObject({
      status: 'suspended',
      effectiveFrom: '2026-12-10',
    });
    expect(map(stream, 'agreement-reinstated', { agreementId, effectiveFrom: '2026-12-20', reason: 'Paid', decidedBy: 's' })[0].payload).toMatchObject({
      status: 'active',
      effectiveFrom: '2026-12-20',
    });
    expect(map(stream, 'agreement-terminated', { agreementId, noticeDate: '2027-03-31', noticeGivenOn: '2026-11-24', terminatedBy: 'agency', reason: 'Breach', decidedBy: 's' })[0].payload).toEqual({
      landlordId,
      agreementId,
      status: 'terminated',
      effectiveFrom: '2027-03-31',
      reason: 'terminated by the agency: Breach',
    });
  });

  test('users: id, role and status, never the sealed name, e-mail or password hash', () => {
    const added = map(stream, 'user-added', { userId, role: 'letting-agent', personal: sealed, addedBy: 'a', at: '2026-11-24T10:00:00.000Z' });
    expect(added[0].payload).toEqual({ landlordId, userId, role: 'letting-agent', status: 'active', at: '2026-11-24T10:00:00.000Z' });
    expect(map(stream, 'user-removed', { userId, role: 'letting-agent', removedBy: 'a', at: '2026-11-25T10:00:00.000Z' })[0].payload).toMatchObject({ status: 'removed' });
    expect(JSON.stringify(added)).not.toContain('secret');
  });

  test('guideline versions are published as they are; contact changes and cases are not published', () => {
    const standard = { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true };
    const [message] = map(`letting_guideline-${landlordId}`, 'letting-guideline-changed', {
      landlordId,
      effectiveFrom: '2026-12-01',
      standard,
      byListingType: {},
      reason: 'r',
      changedBy: 'u',
      changedAt: 'x',
    });
    expect(message.payload).toEqual({ landlordId, effectiveFrom: '2026-12-01', standard, byListingType: {} });
    expect(map(stream, 'contact-changed', { contact: sealed, changedBy: 'u' })).toEqual([]);
    expect(map(`landlord_case-${agreementId}`, 'landlord-case-registered', {})).toEqual([]);
    expect(map(`landlord_orgnr-556036-0793`, 'claimed', { landlordId })).toEqual([]);
  });
});
