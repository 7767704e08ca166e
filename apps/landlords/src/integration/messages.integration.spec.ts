import { LandlordCaseAnsweredV1, LandlordUserContactChangedV1, LandlordUserErasedV1, type Contract } from '@bostadsko/contracts';
import type { Sealed } from '@bostadsko/personal-data';
import { messagesIntegration } from './messages.integration.js';
import { recorded } from './recorded-event.js';

const landlordId = '0b6d1f44-33a1-4c8e-9a55-1d3f7e2c9a01';
const userId = 'c1d2e3f4-58d4-4a0b-8f11-7e2b3c4d5e6f';
const caseId = 'a6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f';
const contracts: Record<string, Contract<unknown>> = Object.fromEntries([LandlordUserContactChangedV1, LandlordUserErasedV1, LandlordCaseAnsweredV1].map((c) => [c.type, c as Contract<unknown>]));

/** A vault holding one user's details, and one erased user's seal that opens to nothing. */
const details = { name: 'Karin Holm', email: 'karin@hyresvard.se', passwordHash: 'hash' };
const vault = { open: async <T>(sealed: Sealed) => (sealed.data === 'karin' ? (details as T) : undefined) };
const seal = (data: string): Sealed => ({ subject: userId, iv: 'iv', tag: 'tag', data }) as unknown as Sealed;
const caseStream = `landlord_case-${caseId}`;
const registered = recorded(caseStream, 'landlord-case-registered', { caseId, landlordId, category: 'question', subject: 'Export', description: 'd', registeredBy: userId, at: 'x' });
const store = { readStream: async (streamId: string) => (streamId === caseStream ? [registered] : []) };

async function map(streamId: string, type: string, data: unknown) {
  return (await messagesIntegration(vault, store)(recorded(streamId, type, data))).map((m) => ({ type: m.type, key: m.key, payload: contracts[m.type].parse(m.payload) }));
}

describe('landlords → messages integration mapper', () => {
  const stream = `landlord-${landlordId}`;

  test('a user added or changed: the address opened for the messages app, with the language (Swedish when never chosen)', async () => {
    expect(await map(stream, 'user-added', { userId, role: 'administrator', personal: seal('karin'), addedBy: 'a', at: 'x' })).toEqual([
      { type: LandlordUserContactChangedV1.type, key: landlordId, payload: { landlordId, userId, email: 'karin@hyresvard.se', language: 'sv' } },
    ]);
    expect(await map(stream, 'user-details-changed', { userId, personal: seal('erased'), changedBy: 'a', at: 'x' })).toEqual([]);
  });

  test('an erased user is published as erased on the Stockholm date', async () => {
    expect(await map(stream, 'user-personal-data-erased', { userId, erasedBy: 's', at: '2026-11-24T23:30:00.000Z' })).toEqual([
      { type: LandlordUserErasedV1.type, key: landlordId, payload: { landlordId, userId, on: '2026-11-25' } },
    ]);
  });

  test('a case answered names the user who opened it and the subject, from the case’s registration', async () => {
    expect(await map(caseStream, 'landlord-case-answered', { caseId, landlordId, answer: 'Nightly.', answeredBy: 'staff-1', at: '2026-11-24T10:00:00.000Z' })).toEqual([
      {
        type: LandlordCaseAnsweredV1.type,
        key: landlordId,
        payload: { landlordId, caseId, openedBy: userId, subject: 'Export', answer: 'Nightly.', answeredAt: '2026-11-24T10:00:00.000Z' },
      },
    ]);
    expect(await map(caseStream, 'landlord-case-message-added', { caseId, landlordId, from: 'agency', text: 't', by: 's', at: 'x' })).toEqual([]);
    expect(await map(stream, 'agreement-signed', {})).toEqual([]);
  });
});
