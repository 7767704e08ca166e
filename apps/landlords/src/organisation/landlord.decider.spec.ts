import { deciderSpecification } from '@bostadsko/testing';
import { agreementStatusOn, canPublishOn, decide, evolve, initialState, type LandlordCommand } from './landlord.decider.js';
import type { LandlordEvent, UserRole } from './landlord.events.js';

const given = deciderSpecification({ decide, evolve, initialState });

const sealed = { subject: 's', iv: '', tag: '', data: '' };
const landlordId = '0b6d1f44-33a1-4c8e-9a55-1d3f7e2c9a01';
const agreementId = 'a6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f';
const at = (date: string) => new Date(`${date}T10:00:00Z`);
const TODAY = '2026-11-24';
const now = at(TODAY);

// Commands
const register: LandlordCommand = { type: 'register', landlordId, name: 'Bostadsbolaget AB', organisationNumber: '556036-0793', contact: sealed, now };
const sign = (effectiveFrom: string, id = agreementId, on = now): LandlordCommand => ({
  type: 'sign-agreement',
  agreementId: id,
  effectiveFrom,
  terms: 'Standard terms 2026',
  signedBy: 'staff-1',
  now: on,
});
const suspend = (effectiveFrom: string, on = now): LandlordCommand => ({ type: 'suspend-agreement', agreementId, effectiveFrom, reason: 'Unpaid fees', decidedBy: 'staff-1', now: on });
const reinstate = (effectiveFrom: string, on = now): LandlordCommand => ({ type: 'reinstate-agreement', agreementId, effectiveFrom, reason: 'Fees paid', decidedBy: 'staff-1', now: on });
const terminate = (noticeDate: string, on = now, id = agreementId): LandlordCommand => ({
  type: 'terminate-agreement',
  agreementId: id,
  noticeDate,
  terminatedBy: 'landlord',
  reason: 'Lets its flats itself',
  decidedBy: 'user-1',
  now: on,
});
const firstAdmin = (userId = 'u-admin'): LandlordCommand => ({ type: 'add-first-administrator', userId, personal: sealed, addedBy: 'staff-1', now });
const invite = (userId: string, role: UserRole = 'letting-agent'): LandlordCommand => ({ type: 'invite-user', userId, role, personal: sealed, addedBy: 'u-admin', now });
const remove = (userId: string, byAgency = false): LandlordCommand => ({ type: 'remove-user', userId, removedBy: 'u-admin', byAgency, now });
const erase: LandlordCommand = { type: 'erase-user', userId: 'u-agent', erasedBy: 'staff-1', now };

// Events
const registered: LandlordEvent = {
  type: 'landlord-registered',
  data: { landlordId, name: 'Bostadsbolaget AB', organisationNumber: '556036-0793', contact: sealed, registeredAt: now.toISOString() },
};
const signed = (effectiveFrom: string, id = agreementId, signedOn = TODAY): LandlordEvent => ({
  type: 'agreement-signed',
  data: { agreementId: id, effectiveFrom, terms: 'Standard terms 2026', signedOn, signedBy: 'staff-1' },
});
const suspended = (effectiveFrom: string): LandlordEvent => ({ type: 'agreement-suspended', data: { agreementId, effectiveFrom, reason: 'Unpaid fees', decidedBy: 'staff-1' } });
const reinstated = (effectiveFrom: string): LandlordEvent => ({ type: 'agreement-reinstated', data: { agreementId, effectiveFrom, reason: 'Fees paid', decidedBy: 'staff-1' } });
const terminated = (noticeDate: string, noticeGivenOn = TODAY, id = agreementId): LandlordEvent => ({
  type: 'agreement-terminated',
  data: { agreementId: id, noticeDate, noticeGivenOn, terminatedBy: 'landlord', reason: 'Lets its flats itself', decidedBy: 'user-1' },
});
const userAdded = (userId: string, role: UserRole, addedBy: string): LandlordEvent => ({ type: 'user-added', data: { userId, role, personal: sealed, addedBy, at: now.toISOString() } });
const firstAdminAdded = userAdded('u-admin', 'administrator', 'staff-1');
const agentInvited = userAdded('u-agent', 'letting-agent', 'u-admin');
const userRemoved = (userId: string, role: UserRole): LandlordEvent => ({ type: 'user-removed', data: { userId, role, removedBy: 'u-admin', at: now.toISOString() } });
const agentRemoved = userRemoved('u-agent', 'letting-agent');
const agentErased: LandlordEvent = { type: 'user-personal-data-erased', data: { userId: 'u-agent', erasedBy: 'staff-1', at: now.toISOString() } };

describe('landlord decider: the agreement lifecycle', () => {
  test('an organisation that only expressed interest cannot publish', () => {
    given().when(register).then([registered]);
    const { state } = given([registered]);
    expect(agreementStatusOn(state, TODAY)).toBe('none');
    expect(canPublishOn(state, '2030-01-01')).toBe(false);
  });

  test('registering twice is refused', () => {
    given([registered]).when(register).thenThrows('already-registered');
  });

  test('signed with a future effective date: no publishing before it, publishing from it', () => {
    given([registered])
      .when(sign('2026-12-01'))
      .then([signed('2026-12-01')]);
    const { state } = given([registered, signed('2026-12-01')]);
    expect(canPublishOn(state, TODAY)).toBe(false);
    expect(canPublishOn(state, '2026-11-30')).toBe(false);
    expect(canPublishOn(state, '2026-12-01')).toBe(true);
    expect(canPublishOn(state, '2027-06-01')).toBe(true);
  });

  test('an agreement cannot be backdated', () => {
    given([registered]).when(sign('2026-11-23')).thenThrows('date-in-past');
    given([registered])
      .when(sign(TODAY))
      .then([signed(TODAY)]);
  });

  test('a second agreement beside one in force is refused', () => {
    given([registered, signed(TODAY)])
      .when(sign('2027-01-01', 'b6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f'))
      .thenThrows('agreement-in-force');
  });

  test('no publishing from the notice date of a termination on; the days before still allowed', () => {
    given([registered, signed(TODAY)])
      .when(terminate('2027-03-31'))
      .then([terminated('2027-03-31')]);
    const { state } = given([registered, signed(TODAY), terminated('2027-03-31')]);
    expect(canPublishOn(state, '2027-03-30')).toBe(true);
    expect(canPublishOn(state, '2027-03-31')).toBe(false);
    expect(agreementStatusOn(state, '2030-01-01')).toBe('terminated');
  });

  test('double termination is refused, naming the date it already ends', () => {
    given([registered, signed(TODAY), terminated('2027-03-31')])
      .when(terminate('2027-01-31'))
      .thenThrows('already-terminated', { message: expect.stringContaining('2027-03-31') });
  });

  test('termination cannot be dated in the past nor before the agreement starts', () => {
    given([registered, signed(TODAY)])
      .when(terminate('2026-11-01'))
      .thenThrows('date-in-past');
    given([registered, signed('2027-01-01')])
      .when(terminate('2026-12-15'))
      .thenThrows('date-before-scheduled-change');
    given([registered, signed('2027-01-01')])
      .when(terminate('2027-01-01'))
      .then([terminated('2027-01-01')]);
    expect(canPublishOn(given([registered, signed('2027-01-01'), terminated('2027-01-01')]).state, '2027-01-01')).toBe(false);
  });

  test('suspension stops publishing from its date; reinstatement allows it again', () => {
    given([registered, signed(TODAY)])
      .when(suspend('2026-12-10'))
      .then([suspended('2026-12-10')]);
    given([registered, signed(TODAY), suspended('2026-12-10')])
      .when(reinstate('2027-01-10'))
      .then([reinstated('2027-01-10')]);
    const { state } = given([registered, signed(TODAY), suspended('2026-12-10'), reinstated('2027-01-10')]);
    expect(canPublishOn(state, '2026-12-09')).toBe(true);
    expect(agreementStatusOn(state, '2026-12-10')).toBe('suspended');
    expect(canPublishOn(state, '2027-01-09')).toBe(false);
    expect(canPublishOn(state, '2027-01-10')).toBe(true);
  });

  test('suspending a suspended agreement, or reinstating an active one, is refused', () => {
    given([registered, signed(TODAY), suspended(TODAY)])
      .when(suspend('2026-12-01'))
      .thenThrows('not-active');
    given([registered, signed(TODAY)])
      .when(reinstate('2026-12-01'))
      .thenThrows('not-suspended');
  });

  test('a status change before one already scheduled is refused, so every date has one answer', () => {
    given([registered, signed(TODAY), suspended('2027-02-01')])
      .when(terminate('2027-01-01'))
      .thenThrows('date-before-scheduled-change');
  });

  test('a suspended agreement can still be terminated; a terminated one not suspended', () => {
    given([registered, signed(TODAY), suspended(TODAY)])
      .when(terminate('2027-01-01'))
      .then([terminated('2027-01-01')]);
    const { state } = given([registered, signed(TODAY), suspended(TODAY), terminated('2027-01-01')]);
    expect(agreementStatusOn(state, '2026-12-01')).toBe('suspended');
    expect(agreementStatusOn(state, '2027-01-01')).toBe('terminated');
    given([registered, signed(TODAY), terminated('2027-01-01')])
      .when(suspend('2027-02-01'))
      .thenThrows('already-terminated');
  });

  test('after termination a new agreement may be signed from the end of the old one', () => {
    const later = at('2027-04-01');
    const second = 'c6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f';
    const ending = [registered, signed(TODAY), terminated('2027-03-31')];
    given(ending)
      .when(sign('2027-03-01', second, at('2027-01-15')))
      .thenThrows('date-before-scheduled-change');
    given(ending)
      .when(sign('2027-04-01', second, later))
      .then([signed('2027-04-01', second, '2027-04-01')]);
    const renewed = [...ending, signed('2027-04-01', second, '2027-04-01')];
    expect(canPublishOn(given(ending).state, '2027-04-01')).toBe(false);
    expect(canPublishOn(given(renewed).state, '2027-03-31')).toBe(false);
    expect(canPublishOn(given(renewed).state, '2027-04-01')).toBe(true);
    given(renewed).when(terminate('2027-05-01', later)).thenThrows('already-terminated');
  });

  test('a change names an agreement of this landlord', () => {
    given([registered, signed(TODAY)])
      .when(terminate('2027-01-01', now, 'ffffffff-58d4-4a0b-8f11-7e2b3c4d5e6f'))
      .thenThrows('no-agreement');
    given().when(sign(TODAY)).thenThrows('no-landlord');
  });
});

describe('landlord decider: users', () => {
  test('the first administrator needs a signed agreement and is created once', () => {
    given([registered]).when(firstAdmin()).thenThrows('no-open-agreement');
    given([registered, signed('2027-01-01')])
      .when(firstAdmin())
      .then([firstAdminAdded]);
    given([registered, signed(TODAY), firstAdminAdded])
      .when(firstAdmin('u-2'))
      .thenThrows('first-administrator-exists');
  });

  test('the organisation cannot remove its last administrator; the agency can', () => {
    const withAgent = [registered, signed(TODAY), firstAdminAdded, agentInvited];
    given(withAgent).when(remove('u-admin')).thenThrows('last-administrator');
    given(withAgent)
      .when(remove('u-admin', true))
      .then([userRemoved('u-admin', 'administrator')]);
    given([registered, signed(TODAY), firstAdminAdded, userAdded('u-2', 'administrator', 'u-admin')])
      .when(remove('u-admin'))
      .then([userRemoved('u-admin', 'administrator')]);
  });

  test('a removed user is removed once; no users after termination', () => {
    given([registered, signed(TODAY), firstAdminAdded])
      .when(invite('u-agent'))
      .then([agentInvited]);
    given([registered, signed(TODAY), firstAdminAdded, agentInvited])
      .when(remove('u-agent'))
      .then([agentRemoved]);
    const { state, when } = given([registered, signed(TODAY), firstAdminAdded, agentInvited, agentRemoved]);
    expect(state.status === 'registered' && state.users['u-agent']).toEqual({ role: 'letting-agent', status: 'removed' });
    when(remove('u-agent')).thenThrows('no-user');
    given([registered, signed(TODAY), firstAdminAdded, terminated(TODAY)])
      .when(invite('u-3'))
      .thenThrows('no-open-agreement');
  });

  test('erasing personal data needs a removed user, and happens once', () => {
    given([registered, signed(TODAY), firstAdminAdded, agentInvited])
      .when(erase)
      .thenThrows('user-active');
    given([registered, signed(TODAY), firstAdminAdded, agentInvited, agentRemoved])
      .when(erase)
      .then([agentErased]);
    given([registered, signed(TODAY), firstAdminAdded, agentInvited, agentRemoved, agentErased])
      .when(erase)
      .thenNothing();
    given([registered, signed(TODAY)])
      .when(erase)
      .thenThrows('no-user');
  });

  test('only an active user changes its details', () => {
    const change: LandlordCommand = { type: 'change-user-details', userId: 'u-agent', personal: sealed, changedBy: 'u-agent', now };
    given([registered, signed(TODAY), firstAdminAdded, agentInvited])
      .when(change)
      .then([{ type: 'user-details-changed', data: { userId: 'u-agent', personal: sealed, changedBy: 'u-agent', at: now.toISOString() } }]);
    given([registered, signed(TODAY), firstAdminAdded, agentInvited, agentRemoved])
      .when(change)
      .thenThrows('no-user');
  });
});
