import type { Sealed } from '@bostadsko/personal-data/sealed';
import { RuleViolation } from '@bostadsko/errors';
import type { ApplicantPolicy } from '../policy/applicant-policy.js';
import { ageOn, daysBetween, stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { deregistrationDay } from '../fees/fee-deadline.rules.js';
import type { ApplicantEvent, CaseChannel, QueueChangeReason } from './applicant.events.js';

/** From `from` on, the account had this status and queue start date. */
export interface QueuePeriod {
  readonly from: IsoDate;
  readonly status: 'active' | 'deregistered' | 'closed';
  readonly queueStartDate: IsoDate | null;
}

export type ApplicantState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'deregistered' | 'closed';
      readonly applicantId: string;
      readonly registeredOn: IsoDate;
      readonly queueStartDate: IsoDate | null;
      readonly periods: readonly QueuePeriod[];
      /** Queue start before each listing's contract, so a letting not completed can restore it. */
      readonly usedUpBy: Readonly<Record<string, IsoDate>>;
      readonly restoredFor: readonly string[];
      readonly erased: boolean;
      readonly cases: Readonly<Record<string, 'open' | 'answered'>>;
      /** The fee deregistration in force, with the queue start it took away, so a payment in time can undo it. */
      readonly deregistration: { readonly on: IsoDate; readonly noticeId: string; readonly queueStartDate: IsoDate | null } | null;
    };

export const initialState: ApplicantState = { status: 'none' };

const STATUS_BY_CODE: Record<string, number> = { 'already-registered': 409, 'already-closed': 409, 'no-account': 404 };

/** A command the rules refuse; the message is shown to the person, the code names the rule. */
export class ApplicantRuleViolation extends RuleViolation {
  constructor(code: string, message: string) {
    super('applicants', STATUS_BY_CODE, code, message);
  }
}

export type ApplicantCommand =
  | { readonly type: 'register'; readonly applicantId: string; readonly personal: Sealed; readonly birthDate: IsoDate; readonly now: Date; readonly policy: ApplicantPolicy }
  | { readonly type: 'use-up-queue-time'; readonly listingId: string; readonly contractDate: IsoDate }
  | { readonly type: 'restore-after-cancelled-letting'; readonly listingId: string; readonly on: IsoDate }
  | {
      readonly type: 'staff-change-queue-start';
      readonly reason: Extract<QueueChangeReason, 'staff-correction' | 'restored-after-agency-error'>;
      readonly queueStartDate: IsoDate;
      readonly effectiveFrom: IsoDate;
      readonly caseId: string;
      readonly decidedBy: string;
      readonly explanation: string;
    }
  | {
      readonly type: 'receive-transfer';
      readonly fromApplicantId: string;
      readonly queueStartDate: IsoDate;
      readonly on: IsoDate;
      readonly caseId: string;
      readonly decidedBy: string;
      readonly explanation: string;
    }
  | { readonly type: 'transfer-out'; readonly toApplicantId: string; readonly on: IsoDate; readonly caseId: string; readonly decidedBy: string; readonly explanation: string }
  | {
      readonly type: 'deregister-for-unpaid-fee';
      readonly on: IsoDate;
      readonly noticeId: string;
      readonly dueDate: IsoDate;
      readonly graceDays: number;
      readonly settlementBankingDays: number;
      readonly decidedBy: string;
    }
  | { readonly type: 'reverse-deregistration'; readonly noticeId: string; readonly paidOn: IsoDate; readonly on: IsoDate; readonly decidedBy: string }
  | { readonly type: 'change-personal-details'; readonly personal: Sealed; readonly caseId?: string; readonly changedBy: string }
  | { readonly type: 'register-case'; readonly caseId: string; readonly channel: CaseChannel; readonly subject: string; readonly description: Sealed; readonly registeredBy: string }
  | { readonly type: 'answer-case'; readonly caseId: string; readonly answer: Sealed; readonly answeredBy: string }
  | { readonly type: 'note-sign-in-throttled'; readonly failedAttempts: number; readonly lockedUntil: string; readonly fromAddress: Sealed }
  | { readonly type: 'close'; readonly on: IsoDate; readonly closedBy: string }
  | { readonly type: 'erase'; readonly on: IsoDate; readonly erasedBy: string };

type Existing = Exclude<ApplicantState, { status: 'none' }>;

function existing(state: ApplicantState): Existing {
  if (state.status === 'none') throw new ApplicantRuleViolation('no-account', 'There is no such account');
  return state;
}

function active(state: ApplicantState, doing: string): Existing & { queueStartDate: IsoDate } {
  const account = existing(state);
  if (account.status !== 'active' || account.queueStartDate === null) {
    throw new ApplicantRuleViolation(`account-${account.status}`, `The account is ${account.status}: cannot ${doing}`);
  }
  return account as Existing & { queueStartDate: IsoDate };
}

export function decide(command: ApplicantCommand, state: ApplicantState): ApplicantEvent[] {
  switch (command.type) {
    case 'register': {
      if (state.status !== 'none') throw new ApplicantRuleViolation('already-registered', 'This person already has an account');
      const today = stockholmDate(command.now);
      if (ageOn(command.birthDate, today) < command.policy.minimumAge) {
        throw new ApplicantRuleViolation('below-minimum-age', `Registering requires being at least ${command.policy.minimumAge} years old`);
      }
      return [
        {
          type: 'applicant-registered',
          data: {
            applicantId: command.applicantId,
            registeredAt: command.now.toISOString(),
            queueStartDate: today,
            birthYear: Number(command.birthDate.slice(0, 4)),
            personal: command.personal,
          },
        },
      ];
    }
    case 'use-up-queue-time': {
      const account = existing(state);
      // Redelivered letting, or a letting after the account ended: nothing to use up.
      if (command.listingId in account.usedUpBy || account.status !== 'active' || account.queueStartDate === null) return [];
      return [
        queueChange(account.queueStartDate, command.contractDate, command.contractDate, 'contract-signed', 'listings', 'A first-hand contract through the queue uses up the queue time', {
          listingId: command.listingId,
        }),
      ];
    }
    case 'restore-after-cancelled-letting': {
      const account = existing(state);
      const before = account.usedUpBy[command.listingId];
      if (before === undefined || account.restoredFor.includes(command.listingId) || account.status !== 'active' || account.queueStartDate === null) return [];
      return [
        queueChange(account.queueStartDate, before, command.on, 'letting-cancelled', 'listings', 'The landlord did not complete the letting: the queue time is restored', {
          listingId: command.listingId,
        }),
      ];
    }
    case 'staff-change-queue-start': {
      const account = active(state, 'change the queue start date');
      requireDecision(account, command);
      if (command.queueStartDate > command.effectiveFrom) throw new ApplicantRuleViolation('start-after-effective', 'The queue start date cannot be after the date it takes effect');
      return [queueChange(account.queueStartDate, command.queueStartDate, command.effectiveFrom, command.reason, command.decidedBy, command.explanation, { caseId: command.caseId })];
    }
    case 'receive-transfer': {
      const account = active(state, 'receive queue time');
      requireDecision(account, command);
      if (command.fromApplicantId === account.applicantId) throw new ApplicantRuleViolation('self-transfer', 'Queue time cannot be transferred to the same account');
      // A transfer only ever helps: the earlier of the two start dates.
      const start = command.queueStartDate < account.queueStartDate ? command.queueStartDate : account.queueStartDate;
      return [
        queueChange(account.queueStartDate, start, command.on, 'transferred-from-co-applicant', command.decidedBy, command.explanation, {
          caseId: command.caseId,
          sourceApplicantId: command.fromApplicantId,
        }),
      ];
    }
    case 'transfer-out': {
      const account = active(state, 'transfer queue time');
      requireDecision(account, command, false);
      if (command.toApplicantId === account.applicantId) throw new ApplicantRuleViolation('self-transfer', 'Queue time cannot be transferred to the same account');
      return [
        { type: 'queue-time-transferred-out', data: { toApplicantId: command.toApplicantId, on: command.on, caseId: command.caseId, decidedBy: command.decidedBy, explanation: command.explanation } },
        { type: 'account-closed', data: { on: command.on, closedBy: command.decidedBy } },
      ];
    }
    case 'deregister-for-unpaid-fee': {
      const account = existing(state);
      if (account.status !== 'active') return [];
      const from = deregistrationDay(command.dueDate, command);
      if (command.on < from) {
        throw new ApplicantRuleViolation('within-grace', `The fee due ${command.dueDate} is within its grace and settlement period: it can deregister from ${from}`);
      }
      const { type: _type, ...data } = command;
      return [{ type: 'applicant-deregistered', data: { ...data, reason: 'annual-fee-unpaid' } }];
    }
    case 'reverse-deregistration': {
      const account = existing(state);
      // Closed since, already reversed, or deregistered for another notice: nothing of this deregistration to undo.
      const deregistration = account.deregistration;
      if (account.status !== 'deregistered' || deregistration?.noticeId !== command.noticeId || deregistration.queueStartDate === null) return [];
      const { type: _type, ...data } = command;
      return [{ type: 'deregistration-reversed', data: { ...data, deregisteredOn: deregistration.on, queueStartDate: deregistration.queueStartDate, reason: 'fee-paid-in-time' } }];
    }
    case 'change-personal-details': {
      const account = existing(state);
      if (account.erased) throw new ApplicantRuleViolation('erased', 'The personal data of this account has been erased');
      return [{ type: 'personal-details-changed', data: { personal: command.personal, caseId: command.caseId, changedBy: command.changedBy } }];
    }
    case 'register-case': {
      const account = existing(state);
      if (account.erased) throw new ApplicantRuleViolation('erased', 'The personal data of this account has been erased');
      if (command.caseId in account.cases) return [];
      const { type: _type, ...data } = command;
      return [{ type: 'case-registered', data }];
    }
    case 'answer-case': {
      const account = existing(state);
      const status = account.cases[command.caseId];
      if (status === undefined) throw new ApplicantRuleViolation('no-case', 'There is no such case for this account');
      if (status === 'answered') throw new ApplicantRuleViolation('case-answered', 'The case has already been answered');
      return [{ type: 'case-answered', data: { caseId: command.caseId, answer: command.answer, answeredBy: command.answeredBy } }];
    }
    case 'note-sign-in-throttled': {
      existing(state);
      const { type: _type, ...data } = command;
      return [{ type: 'sign-in-throttled', data }];
    }
    case 'close': {
      const account = existing(state);
      if (account.status === 'closed') throw new ApplicantRuleViolation('already-closed', 'The account is already closed');
      return [{ type: 'account-closed', data: { on: command.on, closedBy: command.closedBy } }];
    }
    case 'erase': {
      const account = existing(state);
      if (account.status === 'active') throw new ApplicantRuleViolation('account-active', 'Close the account before erasing its personal data');
      if (account.erased) return [];
      return [{ type: 'personal-data-erased', data: { on: command.on, erasedBy: command.erasedBy } }];
    }
  }
}

/** The giver of a transfer is decided in the receiver's case, so only the receiver's account must hold it. */
function requireDecision(account: Existing, command: { caseId: string; explanation: string; decidedBy: string }, caseOnThisAccount = true): void {
  if (!command.caseId || !command.explanation.trim() || !command.decidedBy) {
    throw new ApplicantRuleViolation('decision-incomplete', 'A staff decision on queue time needs a case, a reason and who decided');
  }
  if (caseOnThisAccount && !(command.caseId in account.cases)) throw new ApplicantRuleViolation('no-case', `Case ${command.caseId} is not a case of this account`);
}

function queueChange(
  previous: IsoDate,
  queueStartDate: IsoDate,
  effectiveFrom: IsoDate,
  reason: QueueChangeReason,
  decidedBy: string,
  explanation: string,
  refs: { listingId?: string; caseId?: string; sourceApplicantId?: string },
): ApplicantEvent {
  return { type: 'queue-start-changed', data: { effectiveFrom, queueStartDate, previousQueueStartDate: previous, reason, decidedBy, explanation, ...refs } };
}

function withPeriod(state: Existing, period: QueuePeriod): QueuePeriod[] {
  // A period starting on the same day replaces the earlier one: the last decision of a day stands.
  return [...state.periods.filter((p) => p.from < period.from), period];
}

export function evolve(state: ApplicantState, event: ApplicantEvent): ApplicantState {
  if (event.type === 'applicant-registered') {
    const { applicantId, queueStartDate, registeredAt } = event.data;
    const registeredOn = stockholmDate(new Date(registeredAt));
    return {
      status: 'active',
      applicantId,
      registeredOn,
      queueStartDate,
      periods: [{ from: registeredOn, status: 'active', queueStartDate }],
      usedUpBy: {},
      restoredFor: [],
      erased: false,
      cases: {},
      deregistration: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'queue-start-changed': {
      const { queueStartDate, effectiveFrom, reason, listingId, previousQueueStartDate } = event.data;
      return {
        ...state,
        queueStartDate,
        periods: withPeriod(state, { from: effectiveFrom, status: 'active', queueStartDate }),
        usedUpBy: reason === 'contract-signed' && listingId ? { ...state.usedUpBy, [listingId]: previousQueueStartDate } : state.usedUpBy,
        restoredFor: reason === 'letting-cancelled' && listingId ? [...state.restoredFor, listingId] : state.restoredFor,
      };
    }
    case 'applicant-deregistered':
      // Queue time is lost unless a payment dated in time arrives later: only then is the start date restored.
      return {
        ...state,
        status: 'deregistered',
        queueStartDate: null,
        periods: withPeriod(state, { from: event.data.on, status: 'deregistered', queueStartDate: null }),
        deregistration: { on: event.data.on, noticeId: event.data.noticeId, queueStartDate: state.queueStartDate },
      };
    case 'deregistration-reversed': {
      // From the day of the deregistration, as if it never was: the queue days in between count too.
      const { deregisteredOn: from, queueStartDate } = event.data;
      return { ...state, status: 'active', queueStartDate, periods: withPeriod(state, { from, status: 'active', queueStartDate }), deregistration: null };
    }
    case 'account-closed':
      return { ...state, status: 'closed', queueStartDate: null, periods: withPeriod(state, { from: event.data.on, status: 'closed', queueStartDate: null }) };
    case 'personal-data-erased':
      return { ...state, erased: true };
    case 'case-registered':
      return { ...state, cases: { ...state.cases, [event.data.caseId]: 'open' } };
    case 'case-answered':
      return { ...state, cases: { ...state.cases, [event.data.caseId]: 'answered' } };
    case 'queue-time-transferred-out':
    case 'personal-details-changed':
    case 'sign-in-throttled':
      return state;
  }
}

/** Queue days on a date: what every ranking uses. Zero when the account was not active then. */
export function queueDaysOn(periods: readonly QueuePeriod[], asOf: IsoDate): number {
  const period = [...periods].reverse().find((p) => p.from <= asOf);
  if (!period || period.status !== 'active' || period.queueStartDate === null) return 0;
  return Math.max(0, daysBetween(period.queueStartDate, asOf));
}
