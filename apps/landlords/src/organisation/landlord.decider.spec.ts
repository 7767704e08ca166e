import { agreementStatusOn, canPublishOn, decide, evolve, initialState, type LandlordCommand, type LandlordState } from './landlord.decider.js';
import type { LandlordEvent } from './landlord.events.js';

const sealed = { subject: 's', iv: '', tag: '', data: '' };
const landlordId = '0b6d1f44-33a1-4c8e-9a55-1d3f7e2c9a01';
const agreementId = 'a6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f';
const at = (date: string) => new Date(`${date}T10:00:00Z`);
const TODAY = '2026-11-24';
const now = at(TODAY);

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
const invite = (userId: string, role: 'administrator' | 'letting-agent' = 'letting-agent'): LandlordCommand => ({ type: 'invite-user', userId, role, personal: sealed, addedBy: 'u-admin', now });
const remove = (userId: string, byAgency = false): LandlordCommand => ({ type: 'remove-user', userId, removedBy: 'u-admin', byAgency, now });

function given(...commands: LandlordCommand[]): { state: LandlordState; when: (command: LandlordCommand) => LandlordEvent[] } {
  const state = commands.reduce((s, c) => decide(c, s).reduce(evolve, s), initialState);
  return { state, when: (command) => decide(command, state) };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
};

describe('landlord decider: the agreement lifecycle', () => {
  test('an organisation that only expressed interest cannot publish', () => {
    const { state } = given(register);
    expect(agreementStatusOn(state, TODAY)).toBe('none');
    expect(canPublishOn(state, '2030-01-01')).toBe(false);
  });

  test('registering twice is refused', () => {
    expect(refusal(() => given(register).when(register))).toBe('already-registered');
  });

  test('signed with a future effective date: no publishing before it, publishing from it', () => {
    const { state } = given(register, sign('2026-12-01'));
    expect(canPublishOn(state, TODAY)).toBe(false);
    expect(canPublishOn(state, '2026-11-30')).toBe(false);
    expect(canPublishOn(state, '2026-12-01')).toBe(true);
    expect(canPublishOn(state, '2027-06-01')).toBe(true);
  });

  test('an agreement cannot be backdated', () => {
    expect(refusal(() => given(register).when(sign('2026-11-23')))).toBe('date-in-past');
    expect(given(register).when(sign(TODAY))[0]).toMatchObject({ type: 'agreement-signed', data: { effectiveFrom: TODAY, signedOn: TODAY } });
  });

  test('a second agreement beside one in force is refused', () => {
    expect(refusal(() => given(register, sign(TODAY)).when(sign('2027-01-01', 'b6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f')))).toBe('agreement-in-force');
  });

  test('no publishing from the notice date of a termination on; the days before still allowed', () => {
    const { state } = given(register, sign(TODAY), terminate('2027-03-31'));
    expect(canPublishOn(state, '2027-03-30')).toBe(true);
    expect(canPublishOn(state, '2027-03-31')).toBe(false);
    expect(agreementStatusOn(state, '2030-01-01')).toBe('terminated');
  });

  test('double termination is refused, naming the date it already ends', () => {
    const { when } = given(register, sign(TODAY), terminate('2027-03-31'));
    expect(refusal(() => when(terminate('2027-01-31')))).toBe('already-terminated');
  });

  test('termination cannot be dated in the past nor before the agreement starts', () => {
    expect(refusal(() => given(register, sign(TODAY)).when(terminate('2026-11-01')))).toBe('date-in-past');
    expect(refusal(() => given(register, sign('2027-01-01')).when(terminate('2026-12-15')))).toBe('date-before-scheduled-change');
    const { state } = given(register, sign('2027-01-01'), terminate('2027-01-01'));
    expect(canPublishOn(state, '2027-01-01')).toBe(false);
  });

  test('suspension stops publishing from its date; reinstatement allows it again', () => {
    const { state } = given(register, sign(TODAY), suspend('2026-12-10'), reinstate('2027-01-10'));
    expect(canPublishOn(state, '2026-12-09')).toBe(true);
    expect(agreementStatusOn(state, '2026-12-10')).toBe('suspended');
    expect(canPublishOn(state, '2027-01-09')).toBe(false);
    expect(canPublishOn(state, '2027-01-10')).toBe(true);
  });

  test('suspending a suspended agreement, or reinstating an active one, is refused', () => {
    expect(refusal(() => given(register, sign(TODAY), suspend(TODAY)).when(suspend('2026-12-01')))).toBe('not-active');
    expect(refusal(() => given(register, sign(TODAY)).when(reinstate('2026-12-01')))).toBe('not-suspended');
  });

  test('a status change before one already scheduled is refused, so every date has one answer', () => {
    expect(refusal(() => given(register, sign(TODAY), suspend('2027-02-01')).when(terminate('2027-01-01')))).toBe('date-before-scheduled-change');
  });

  test('a suspended agreement can still be terminated; a terminated one not suspended', () => {
    const { state } = given(register, sign(TODAY), suspend(TODAY), terminate('2027-01-01'));
    expect(agreementStatusOn(state, '2026-12-01')).toBe('suspended');
    expect(agreementStatusOn(state, '2027-01-01')).toBe('terminated');
    expect(refusal(() => given(register, sign(TODAY), terminate('2027-01-01')).when(suspend('2027-02-01')))).toBe('already-terminated');
  });

  test('after termination a new agreement may be signed from the end of the old one', () => {
    const later = at('2027-04-01');
    const second = 'c6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f';
    const { state, when } = given(register, sign(TODAY), terminate('2027-03-31'));
    expect(refusal(() => when(sign('2027-03-01', second, at('2027-01-15'))))).toBe('date-before-scheduled-change');
    const renewed = given(register, sign(TODAY), terminate('2027-03-31'), sign('2027-04-01', second, later)).state;
    expect(canPublishOn(state, '2027-04-01')).toBe(false);
    expect(canPublishOn(renewed, '2027-03-31')).toBe(false);
    expect(canPublishOn(renewed, '2027-04-01')).toBe(true);
    expect(refusal(() => given(register, sign(TODAY), terminate('2027-03-31'), sign('2027-04-01', second, later)).when(terminate('2027-05-01', later)))).toBe('already-terminated');
  });

  test('a change names an agreement of this landlord', () => {
    expect(refusal(() => given(register, sign(TODAY)).when(terminate('2027-01-01', now, 'ffffffff-58d4-4a0b-8f11-7e2b3c4d5e6f')))).toBe('no-agreement');
    expect(refusal(() => given().when(sign(TODAY)))).toBe('no-landlord');
  });
});

describe('landlord decider: users', () => {
  test('the first administrator needs a signed agreement and is created once', () => {
    expect(refusal(() => given(register).when(firstAdmin()))).toBe('no-open-agreement');
    expect(given(register, sign('2027-01-01')).when(firstAdmin())[0]).toMatchObject({ type: 'user-added', data: { role: 'administrator' } });
    expect(refusal(() => given(register, sign(TODAY), firstAdmin()).when(firstAdmin('u-2')))).toBe('first-administrator-exists');
  });

  test('the organisation cannot remove its last administrator; the agency can', () => {
    const { when } = given(register, sign(TODAY), firstAdmin(), invite('u-agent'));
    expect(refusal(() => when(remove('u-admin')))).toBe('last-administrator');
    expect(when(remove('u-admin', true))[0]).toMatchObject({ type: 'user-removed', data: { userId: 'u-admin', role: 'administrator' } });
    expect(given(register, sign(TODAY), firstAdmin(), invite('u-2', 'administrator')).when(remove('u-admin'))).toHaveLength(1);
  });

  test('a removed user is removed once; no users after termination', () => {
    const { state, when } = given(register, sign(TODAY), firstAdmin(), invite('u-agent'), remove('u-agent'));
    expect(state.status === 'registered' && state.users['u-agent']).toEqual({ role: 'letting-agent', status: 'removed' });
    expect(refusal(() => when(remove('u-agent')))).toBe('no-user');
    expect(refusal(() => given(register, sign(TODAY), firstAdmin(), terminate(TODAY)).when(invite('u-3')))).toBe('no-open-agreement');
  });

  test('erasing personal data needs a removed user, and happens once', () => {
    const erase: LandlordCommand = { type: 'erase-user', userId: 'u-agent', erasedBy: 'staff-1', now };
    expect(refusal(() => given(register, sign(TODAY), firstAdmin(), invite('u-agent')).when(erase))).toBe('user-active');
    expect(given(register, sign(TODAY), firstAdmin(), invite('u-agent'), remove('u-agent')).when(erase)).toHaveLength(1);
    expect(given(register, sign(TODAY), firstAdmin(), invite('u-agent'), remove('u-agent'), erase).when(erase)).toEqual([]);
    expect(refusal(() => given(register, sign(TODAY)).when(erase))).toBe('no-user');
  });

  test('only an active user changes its details', () => {
    const change: LandlordCommand = { type: 'change-user-details', userId: 'u-agent', personal: sealed, changedBy: 'u-agent', now };
    expect(given(register, sign(TODAY), firstAdmin(), invite('u-agent')).when(change)[0]).toMatchObject({ type: 'user-details-changed' });
    expect(refusal(() => given(register, sign(TODAY), firstAdmin(), invite('u-agent'), remove('u-agent')).when(change))).toBe('no-user');
  });
});
