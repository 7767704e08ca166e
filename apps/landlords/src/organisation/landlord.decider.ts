import type { Sealed } from '@bostadsko/personal-data/sealed';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { LandlordRuleViolation } from '../shared/rule-violation.js';
import type { AgreementStatus, LandlordEvent, TerminatedBy, UserRole } from './landlord.events.js';

/** From `effectiveFrom` on, the agreement has this status. */
export interface StatusPeriod {
  readonly status: AgreementStatus;
  readonly effectiveFrom: IsoDate;
  readonly reason: string;
}

export interface Agreement {
  readonly agreementId: string;
  readonly terms: string;
  readonly signedOn: IsoDate;
  readonly timeline: readonly StatusPeriod[];
}

export interface Member {
  readonly role: UserRole;
  readonly status: 'active' | 'removed';
  readonly erased?: boolean;
}

export type LandlordState =
  | { readonly status: 'none' }
  | {
      readonly status: 'registered';
      readonly landlordId: string;
      readonly name: string;
      readonly organisationNumber: string;
      readonly registeredOn: IsoDate;
      readonly agreements: readonly Agreement[];
      readonly users: Readonly<Record<string, Member>>;
    };

export const initialState: LandlordState = { status: 'none' };

export type LandlordCommand =
  | { readonly type: 'register'; readonly landlordId: string; readonly name: string; readonly organisationNumber: string; readonly contact: Sealed; readonly now: Date }
  | { readonly type: 'change-contact'; readonly contact: Sealed; readonly changedBy: string }
  | { readonly type: 'sign-agreement'; readonly agreementId: string; readonly effectiveFrom: IsoDate; readonly terms: string; readonly signedBy: string; readonly now: Date }
  | { readonly type: 'suspend-agreement'; readonly agreementId: string; readonly effectiveFrom: IsoDate; readonly reason: string; readonly decidedBy: string; readonly now: Date }
  | { readonly type: 'reinstate-agreement'; readonly agreementId: string; readonly effectiveFrom: IsoDate; readonly reason: string; readonly decidedBy: string; readonly now: Date }
  | {
      readonly type: 'terminate-agreement';
      readonly agreementId: string;
      readonly noticeDate: IsoDate;
      readonly terminatedBy: TerminatedBy;
      readonly reason: string;
      readonly decidedBy: string;
      readonly now: Date;
    }
  | { readonly type: 'add-first-administrator'; readonly userId: string; readonly personal: Sealed; readonly addedBy: string; readonly now: Date }
  | { readonly type: 'invite-user'; readonly userId: string; readonly role: UserRole; readonly personal: Sealed; readonly addedBy: string; readonly now: Date }
  | { readonly type: 'remove-user'; readonly userId: string; readonly removedBy: string; readonly byAgency: boolean; readonly now: Date }
  | { readonly type: 'change-user-details'; readonly userId: string; readonly personal: Sealed; readonly changedBy: string; readonly now: Date }
  | { readonly type: 'erase-user'; readonly userId: string; readonly erasedBy: string; readonly now: Date };

type Registered = Extract<LandlordState, { status: 'registered' }>;

function registered(state: LandlordState): Registered {
  if (state.status === 'none') throw new LandlordRuleViolation('no-landlord', 'There is no such landlord');
  return state;
}

const lastPeriod = (agreement: Agreement) => agreement.timeline[agreement.timeline.length - 1];
const isTerminated = (agreement: Agreement) => lastPeriod(agreement).status === 'terminated';

/** The agreement a status change may name: the latest one, and not yet terminated. */
function current(state: Registered, agreementId: string): Agreement {
  const agreement = state.agreements[state.agreements.length - 1];
  if (!agreement || agreement.agreementId !== agreementId) {
    if (state.agreements.some((a) => a.agreementId === agreementId)) {
      throw new LandlordRuleViolation('already-terminated', 'This agreement has been terminated and replaced by a later one');
    }
    throw new LandlordRuleViolation('no-agreement', 'The landlord has no such agreement');
  }
  if (isTerminated(agreement)) {
    throw new LandlordRuleViolation('already-terminated', `The agreement is already terminated from ${lastPeriod(agreement).effectiveFrom}`);
  }
  return agreement;
}

/**
 * Status changes take effect from a date that is neither in the past (history is
 * never rewritten) nor before a change already scheduled, so "the latest status
 * effective on or before D" has one answer for every date D.
 */
function requireForward(agreement: Agreement, from: IsoDate, now: Date, field: string): void {
  const today = stockholmDate(now);
  if (from < today) throw new LandlordRuleViolation('date-in-past', `${field} ${from} is in the past; changes apply from today (${today}) on`);
  const last = lastPeriod(agreement);
  if (from < last.effectiveFrom) {
    throw new LandlordRuleViolation('date-before-scheduled-change', `${field} ${from} is before the ${last.status} status already effective from ${last.effectiveFrom}`);
  }
}

/** An agreement in force or still to begin: a new one cannot be signed beside it, users can be added to it. */
export function openAgreement(state: LandlordState): Agreement | undefined {
  if (state.status === 'none') return undefined;
  const agreement = state.agreements[state.agreements.length - 1];
  return agreement && !isTerminated(agreement) ? agreement : undefined;
}

/** The agreement status on a date: the latest status effective on or before it; 'none' before any. */
export function agreementStatusOn(state: LandlordState, date: IsoDate): AgreementStatus | 'none' {
  if (state.status === 'none') return 'none';
  let status: AgreementStatus | 'none' = 'none';
  let since = '';
  for (const agreement of state.agreements) {
    for (const period of agreement.timeline) {
      if (period.effectiveFrom <= date && period.effectiveFrom >= since) {
        status = period.status;
        since = period.effectiveFrom;
      }
    }
  }
  return status;
}

/** Only a landlord whose agreement is active on the date may publish on it. */
export function canPublishOn(state: LandlordState, date: IsoDate): boolean {
  return agreementStatusOn(state, date) === 'active';
}

const activeAdministrators = (state: Registered) => Object.values(state.users).filter((u) => u.status === 'active' && u.role === 'administrator').length;

export function decide(command: LandlordCommand, state: LandlordState): LandlordEvent[] {
  switch (command.type) {
    case 'register': {
      if (state.status !== 'none') throw new LandlordRuleViolation('already-registered', 'This landlord is already registered');
      const { landlordId, name, organisationNumber, contact } = command;
      return [{ type: 'landlord-registered', data: { landlordId, name, organisationNumber, contact, registeredAt: command.now.toISOString() } }];
    }
    case 'change-contact': {
      registered(state);
      return [{ type: 'contact-changed', data: { contact: command.contact, changedBy: command.changedBy } }];
    }
    case 'sign-agreement': {
      const landlord = registered(state);
      const previous = landlord.agreements[landlord.agreements.length - 1];
      if (previous && !isTerminated(previous)) {
        throw new LandlordRuleViolation('agreement-in-force', 'The landlord already has an agreement; terminate it before signing a new one');
      }
      const today = stockholmDate(command.now);
      if (command.effectiveFrom < today) throw new LandlordRuleViolation('date-in-past', `effectiveFrom ${command.effectiveFrom} is in the past; an agreement takes effect from today (${today}) on`);
      if (previous && command.effectiveFrom < lastPeriod(previous).effectiveFrom) {
        throw new LandlordRuleViolation('date-before-scheduled-change', `effectiveFrom is before the previous agreement ends on ${lastPeriod(previous).effectiveFrom}`);
      }
      const { agreementId, effectiveFrom, terms, signedBy } = command;
      return [{ type: 'agreement-signed', data: { agreementId, effectiveFrom, terms, signedOn: today, signedBy } }];
    }
    case 'suspend-agreement': {
      const agreement = current(registered(state), command.agreementId);
      if (lastPeriod(agreement).status !== 'active') throw new LandlordRuleViolation('not-active', 'Only an active agreement can be suspended');
      requireForward(agreement, command.effectiveFrom, command.now, 'effectiveFrom');
      const { agreementId, effectiveFrom, reason, decidedBy } = command;
      return [{ type: 'agreement-suspended', data: { agreementId, effectiveFrom, reason, decidedBy } }];
    }
    case 'reinstate-agreement': {
      const agreement = current(registered(state), command.agreementId);
      if (lastPeriod(agreement).status !== 'suspended') throw new LandlordRuleViolation('not-suspended', 'Only a suspended agreement can be reinstated');
      requireForward(agreement, command.effectiveFrom, command.now, 'effectiveFrom');
      const { agreementId, effectiveFrom, reason, decidedBy } = command;
      return [{ type: 'agreement-reinstated', data: { agreementId, effectiveFrom, reason, decidedBy } }];
    }
    case 'terminate-agreement': {
      const agreement = current(registered(state), command.agreementId);
      requireForward(agreement, command.noticeDate, command.now, 'noticeDate');
      const { agreementId, noticeDate, terminatedBy, reason, decidedBy } = command;
      return [{ type: 'agreement-terminated', data: { agreementId, noticeDate, noticeGivenOn: stockholmDate(command.now), terminatedBy, reason, decidedBy } }];
    }
    case 'add-first-administrator': {
      const landlord = registered(state);
      if (!openAgreement(landlord)) throw new LandlordRuleViolation('no-open-agreement', 'Users are created for a landlord with a signed agreement that is not terminated');
      if (Object.values(landlord.users).some((u) => u.status === 'active')) {
        throw new LandlordRuleViolation('first-administrator-exists', 'The landlord already has users; its administrators invite further users');
      }
      return [{ type: 'user-added', data: { userId: command.userId, role: 'administrator', personal: command.personal, addedBy: command.addedBy, at: command.now.toISOString() } }];
    }
    case 'invite-user': {
      const landlord = registered(state);
      if (!openAgreement(landlord)) throw new LandlordRuleViolation('no-open-agreement', 'Users are added for a landlord with a signed agreement that is not terminated');
      if (command.userId in landlord.users) throw new LandlordRuleViolation('already-registered', 'This user already exists');
      return [{ type: 'user-added', data: { userId: command.userId, role: command.role, personal: command.personal, addedBy: command.addedBy, at: command.now.toISOString() } }];
    }
    case 'remove-user': {
      const landlord = registered(state);
      const user = landlord.users[command.userId];
      if (!user || user.status !== 'active') throw new LandlordRuleViolation('no-user', 'The landlord has no such active user');
      // Staff may remove anyone (e.g. on termination); an organisation cannot lock itself out.
      if (!command.byAgency && user.role === 'administrator' && activeAdministrators(landlord) === 1) {
        throw new LandlordRuleViolation('last-administrator', 'The last administrator cannot be removed; appoint another administrator first');
      }
      return [{ type: 'user-removed', data: { userId: command.userId, role: user.role, removedBy: command.removedBy, at: command.now.toISOString() } }];
    }
    case 'change-user-details': {
      const user = registered(state).users[command.userId];
      if (!user || user.status !== 'active') throw new LandlordRuleViolation('no-user', 'The landlord has no such active user');
      return [{ type: 'user-details-changed', data: { userId: command.userId, personal: command.personal, changedBy: command.changedBy, at: command.now.toISOString() } }];
    }
    case 'erase-user': {
      const user = registered(state).users[command.userId];
      if (!user) throw new LandlordRuleViolation('no-user', 'The landlord has no such user');
      if (user.status !== 'removed') throw new LandlordRuleViolation('user-active', 'Remove the user before erasing its personal data');
      if (user.erased) return [];
      return [{ type: 'user-personal-data-erased', data: { userId: command.userId, erasedBy: command.erasedBy, at: command.now.toISOString() } }];
    }
  }
}

const withAgreement = (state: Registered, agreementId: string, period: StatusPeriod): Registered => ({
  ...state,
  agreements: state.agreements.map((a) => (a.agreementId === agreementId ? { ...a, timeline: [...a.timeline, period] } : a)),
});

export function evolve(state: LandlordState, event: LandlordEvent): LandlordState {
  if (event.type === 'landlord-registered') {
    const { landlordId, name, organisationNumber, registeredAt } = event.data;
    return { status: 'registered', landlordId, name, organisationNumber, registeredOn: stockholmDate(new Date(registeredAt)), agreements: [], users: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'contact-changed':
      return state;
    case 'agreement-signed': {
      const { agreementId, terms, signedOn, effectiveFrom } = event.data;
      return { ...state, agreements: [...state.agreements, { agreementId, terms, signedOn, timeline: [{ status: 'active', effectiveFrom, reason: 'agreement signed' }] }] };
    }
    case 'agreement-suspended':
      return withAgreement(state, event.data.agreementId, { status: 'suspended', effectiveFrom: event.data.effectiveFrom, reason: event.data.reason });
    case 'agreement-reinstated':
      return withAgreement(state, event.data.agreementId, { status: 'active', effectiveFrom: event.data.effectiveFrom, reason: event.data.reason });
    case 'agreement-terminated':
      return withAgreement(state, event.data.agreementId, { status: 'terminated', effectiveFrom: event.data.noticeDate, reason: event.data.reason });
    case 'user-added':
      return { ...state, users: { ...state.users, [event.data.userId]: { role: event.data.role, status: 'active' } } };
    case 'user-removed':
      return { ...state, users: { ...state.users, [event.data.userId]: { role: event.data.role, status: 'removed' } } };
    case 'user-details-changed':
      return state;
    case 'user-personal-data-erased': {
      const user = state.users[event.data.userId];
      return user ? { ...state, users: { ...state.users, [event.data.userId]: { ...user, erased: true } } } : state;
    }
  }
}
