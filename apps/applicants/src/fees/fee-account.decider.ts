import { RuleViolation } from '@bostadsko/errors';
import type { ApplicantPolicy } from '../policy/applicant-policy.js';
import { addDays, anniversaryIn, type IsoDate } from '@bostadsko/calendar';
import type { Discrepancy, FeeAccountEvent, IncomingPayment } from './fee-account.events.js';
import { deregistrationDay, lastPayDay, type FeeDeadlinePolicy } from './fee-deadline.rules.js';
import { oreFromSek, type Ore } from './money.js';

export interface FeeNotice {
  readonly noticeId: string;
  readonly year: number;
  readonly issuedOn: IsoDate;
  readonly dueDate: IsoDate;
  readonly payableFrom: IsoDate;
  readonly amountOre: Ore;
  readonly reference: string;
  readonly paidOre: Ore;
  readonly paidOn: IsoDate | null;
}

export type ReceivedPayment = Extract<FeeAccountEvent, { type: 'fee-payment-received' }>['data'];

export interface FeeAccountState {
  readonly notices: readonly FeeNotice[];
  readonly payments: Readonly<Record<string, ReceivedPayment>>;
  readonly lapsed: Extract<FeeAccountEvent, { type: 'fee-account-lapsed' }>['data'] | null;
}

export const initialFeeAccount: FeeAccountState = { notices: [], payments: {}, lapsed: null };

/** A fee command the rules refuse (the fee job's, never a person's request). */
export class FeeRuleViolation extends RuleViolation {
  constructor(code: string, message: string) {
    super('applicants', { 'no-such-notice': 404 }, code, message);
  }
}

export type FeeAccountCommand =
  | {
      readonly type: 'issue-notice';
      readonly applicantId: string;
      readonly registeredOn: IsoDate;
      readonly on: IsoDate;
      /** In force on `on`, the issue date: it sets the amount, the lead time and the early-payment window. */
      readonly policy: ApplicantPolicy;
      readonly reference: string;
    }
  | {
      readonly type: 'register-payment';
      readonly payment: IncomingPayment;
      /** In force on the due date of the notice the payment's reference names. */
      readonly deadline: FeeDeadlinePolicy;
    }
  | {
      readonly type: 'lapse-for-unpaid-fee';
      readonly noticeId: string;
      readonly on: IsoDate;
      /** In force on the notice's due date. */
      readonly deadline: FeeDeadlinePolicy;
    };

const noticeIdOf = (applicantId: string, year: number) => `${applicantId}/${year}`;

/**
 * The notice to issue on `on`, if any: one a year, due on the registration
 * anniversary, issued `noticeLeadDays` before it. The first fee is due on the first
 * anniversary, not at registration: the fee keeps an account alive for a further
 * year, and DOMAIN.md dues it "on the account's anniversary". An anniversary already
 * past on `on` is skipped, never billed: that only happens to accounts older than the
 * job, and a fee nobody was sent cannot cost anyone their queue time.
 */
export function nextNotice(state: FeeAccountState, registeredOn: IsoDate, on: IsoDate, policy: ApplicantPolicy): { year: number; dueDate: IsoDate } | undefined {
  if (state.lapsed) return undefined;
  const last = state.notices[state.notices.length - 1];
  let year = (last?.year ?? Number(registeredOn.slice(0, 4))) + 1;
  while (anniversaryIn(registeredOn, year) < on) year++;
  const dueDate = anniversaryIn(registeredOn, year);
  return on >= addDays(dueDate, -policy.noticeLeadDays) ? { year, dueDate } : undefined;
}

export function decideFees(command: FeeAccountCommand, state: FeeAccountState): FeeAccountEvent[] {
  switch (command.type) {
    case 'issue-notice': {
      const next = nextNotice(state, command.registeredOn, command.on, command.policy);
      if (!next) return [];
      return [
        {
          type: 'fee-notice-issued',
          data: {
            applicantId: command.applicantId,
            noticeId: noticeIdOf(command.applicantId, next.year),
            year: next.year,
            registeredOn: command.registeredOn,
            issuedOn: command.on,
            dueDate: next.dueDate,
            payableFrom: addDays(next.dueDate, -command.policy.earlyPaymentDays),
            amountOre: oreFromSek(command.policy.annualFee),
            reference: command.reference,
          },
        },
      ];
    }
    case 'register-payment':
      return registerPayment(command.payment, command.deadline, state);
    case 'lapse-for-unpaid-fee': {
      const notice = state.notices.find((n) => n.noticeId === command.noticeId);
      if (!notice) throw new FeeRuleViolation('no-such-notice', `There is no fee notice ${command.noticeId}`);
      if (state.lapsed) return [];
      const from = deregistrationDay(notice.dueDate, command.deadline);
      if (command.on < from) {
        throw new FeeRuleViolation('within-grace', `The fee due ${notice.dueDate} is within its grace and settlement period on ${command.on}: it can lapse from ${from}`);
      }
      // What counts is the date the money was paid, not when staff registered it: a bank file may arrive days later.
      const deadline = lastPayDay(notice.dueDate, command.deadline);
      const applied = Object.values(state.payments).filter((p) => p.noticeId === notice.noticeId && p.appliedOre > 0);
      const inTime = applied.filter((p) => p.paidOn <= deadline).reduce((sum, p) => sum + p.appliedOre, 0);
      if (inTime >= notice.amountOre) return [];
      return [
        {
          type: 'fee-account-lapsed',
          data: {
            noticeId: notice.noticeId,
            dueDate: notice.dueDate,
            graceDays: command.deadline.graceDays,
            settlementBankingDays: command.deadline.settlementBankingDays,
            on: command.on,
            outstandingOre: notice.amountOre - inTime,
            latePayments: applied.filter((p) => p.paidOn > deadline).map((p) => ({ paymentId: p.paymentId, appliedOre: p.appliedOre, paidOn: p.paidOn })),
          },
        },
      ];
    }
  }
}

/**
 * Every payment becomes an event, applied or not: money is never silently dropped. It counts by
 * its value date: dated after the last pay day it is late and cannot keep the account (it is owed
 * back); dated in time it is applied even when the account has lapsed meanwhile, and if it
 * completes the fee the lapse is reversed.
 */
function registerPayment(payment: IncomingPayment, deadline: FeeDeadlinePolicy, state: FeeAccountState): FeeAccountEvent[] {
  if (payment.paymentId in state.payments) return [];
  const notice = state.notices.find((n) => n.reference === payment.reference);
  const notApplied = (discrepancy: Discrepancy['reason'], noticeId: string | null): FeeAccountEvent[] => [
    { type: 'fee-payment-received', data: { ...payment, noticeId, appliedOre: 0, discrepancy: { reason: discrepancy, ore: payment.amountOre } } },
  ];
  if (!notice) return notApplied('unknown-notice', null);
  if (notice.paidOn !== null) return notApplied('already-paid', notice.noticeId);
  // Lapsed for another notice: paying this one cannot bring the account back.
  if (state.lapsed && state.lapsed.noticeId !== notice.noticeId) return notApplied('account-deregistered', notice.noticeId);
  if (payment.paidOn < notice.payableFrom) return notApplied('too-early', notice.noticeId);
  if (payment.paidOn > lastPayDay(notice.dueDate, deadline)) return notApplied('late', notice.noticeId);

  const outstanding = notice.amountOre - notice.paidOre;
  const appliedOre = Math.min(payment.amountOre, outstanding);
  const discrepancy: Discrepancy | null =
    payment.amountOre > outstanding
      ? { reason: 'overpaid', ore: payment.amountOre - outstanding }
      : payment.amountOre < outstanding
        ? { reason: 'underpaid', ore: outstanding - payment.amountOre }
        : null;
  const received: FeeAccountEvent = { type: 'fee-payment-received', data: { ...payment, noticeId: notice.noticeId, appliedOre, discrepancy } };
  if (appliedOre < outstanding) return [received];
  // Paid in full on the latest date of the payments that together covered it.
  const paidOn = Object.values(state.payments)
    .filter((p) => p.noticeId === notice.noticeId && p.appliedOre > 0)
    .reduce((latest, p) => (p.paidOn > latest ? p.paidOn : latest), payment.paidOn);
  const paid: FeeAccountEvent = { type: 'fee-notice-paid', data: { noticeId: notice.noticeId, paidOn, paidOre: notice.amountOre } };
  if (!state.lapsed) return [received, paid];
  return [received, paid, { type: 'fee-account-lapse-reversed', data: { noticeId: notice.noticeId, lapsedOn: state.lapsed.on, paymentId: payment.paymentId, paidOn: payment.paidOn } }];
}

export function evolveFees(state: FeeAccountState, event: FeeAccountEvent): FeeAccountState {
  switch (event.type) {
    case 'fee-notice-issued': {
      const { noticeId, year, issuedOn, dueDate, payableFrom, amountOre, reference } = event.data;
      return { ...state, notices: [...state.notices, { noticeId, year, issuedOn, dueDate, payableFrom, amountOre, reference, paidOre: 0, paidOn: null }] };
    }
    case 'fee-payment-received': {
      const payment = event.data;
      return {
        ...state,
        payments: { ...state.payments, [payment.paymentId]: payment },
        notices: state.notices.map((n) => (n.noticeId === payment.noticeId ? { ...n, paidOre: n.paidOre + payment.appliedOre } : n)),
      };
    }
    case 'fee-notice-paid':
      return { ...state, notices: state.notices.map((n) => (n.noticeId === event.data.noticeId ? { ...n, paidOn: event.data.paidOn } : n)) };
    case 'fee-account-lapsed':
      return { ...state, lapsed: event.data };
    case 'fee-account-lapse-reversed':
      return { ...state, lapsed: null };
  }
}
