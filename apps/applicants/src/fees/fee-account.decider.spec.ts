import { deciderSpecification } from '@bostadsko/testing';
import { DEFAULT_POLICY } from '../policy/applicant-policy.js';
import { decideFees, evolveFees, FeeRuleViolation, initialFeeAccount, type FeeAccountCommand } from './fee-account.decider.js';
import type { Discrepancy, FeeAccountEvent, IncomingPayment } from './fee-account.events.js';
import type { FeeDeadlinePolicy } from './fee-deadline.rules.js';

const given = deciderSpecification({ decide: decideFees, evolve: evolveFees, initialState: initialFeeAccount });

const applicantId = '6f1c3c1e-8a4b-4c39-9d4e-0f7a2a7f2b11';
const reference = '10000180';
const noticeId = `${applicantId}/2027`;

const issue = (on: string, registeredOn = '2026-03-10', policy = DEFAULT_POLICY): FeeAccountCommand => ({ type: 'issue-notice', applicantId, registeredOn, on, policy, reference });
type NoticeIssued = Extract<FeeAccountEvent, { type: 'fee-notice-issued' }>['data'];
const noticeIssued = (year: number, dates: Pick<NoticeIssued, 'issuedOn' | 'dueDate' | 'payableFrom'>, over: Partial<NoticeIssued> = {}): FeeAccountEvent => ({
  type: 'fee-notice-issued',
  data: { applicantId, noticeId: `${applicantId}/${year}`, year, registeredOn: '2026-03-10', ...dates, amountOre: 20000, reference, ...over },
});
const notice2027 = noticeIssued(2027, { issuedOn: '2027-02-08', dueDate: '2027-03-10', payableFrom: '2027-02-08' });

let payments = 0;
const payment = (amountOre: number, paidOn: string, overrides: Partial<IncomingPayment> = {}): IncomingPayment => ({
  paymentId: `bank:${++payments}`,
  reference,
  amountOre,
  paidOn,
  bankReference: null,
  source: 'manual',
  fileId: null,
  registeredBy: 'staff-1',
  ...overrides,
});
/** The defaults: 90 days of grace, then 3 banking days of settlement. Due 2027-03-10, the last pay day is Tuesday 2027-06-08, the lapse Saturday 2027-06-12. */
const DEADLINE: FeeDeadlinePolicy = { graceDays: 90, settlementBankingDays: 3 };
const pay = (p: IncomingPayment, deadline = DEADLINE): FeeAccountCommand => ({ type: 'register-payment', payment: p, deadline });
const received = (p: IncomingPayment, appliedOre: number, discrepancy: Discrepancy | null = null, id: string | null = noticeId): FeeAccountEvent => ({
  type: 'fee-payment-received',
  data: { ...p, noticeId: id, appliedOre, discrepancy },
});
const paid = (paidOn: string): FeeAccountEvent => ({ type: 'fee-notice-paid', data: { noticeId, paidOn, paidOre: 20000 } });
const lapse = (on: string, deadline = DEADLINE): FeeAccountCommand => ({ type: 'lapse-for-unpaid-fee', noticeId, on, deadline });
const lapsed = (on: string, outstandingOre = 20000, latePayments: { paymentId: string; appliedOre: number; paidOn: string }[] = [], deadline = DEADLINE): FeeAccountEvent => ({
  type: 'fee-account-lapsed',
  data: { noticeId, dueDate: '2027-03-10', ...deadline, on, outstandingOre, latePayments },
});
const reversed = (p: IncomingPayment, lapsedOn = '2027-06-12'): FeeAccountEvent => ({
  type: 'fee-account-lapse-reversed',
  data: { noticeId, lapsedOn, paymentId: p.paymentId, paidOn: p.paidOn },
});

describe('fee account: notices', () => {
  test('the first fee is due on the first anniversary, issued noticeLeadDays before it', () => {
    given().when(issue('2027-02-07')).thenNothing();
    given().when(issue('2027-02-08')).then([notice2027]);
  });

  test('no notice in the year of registration', () => {
    given().when(issue('2026-03-10')).thenNothing();
    given().when(issue('2026-12-31')).thenNothing();
  });

  test('one notice a year: issuing again the same year changes nothing', () => {
    given([notice2027]).when(issue('2027-02-09')).thenNothing();
    given([notice2027]).when(issue('2028-02-07')).thenNothing();
    given([notice2027])
      .when(issue('2028-02-09'))
      .then([noticeIssued(2028, { issuedOn: '2028-02-09', dueDate: '2028-03-10', payableFrom: '2028-02-09' })]);
  });

  test('amount, lead time and early-payment window come from the policy passed for the issue date', () => {
    const policy = { ...DEFAULT_POLICY, annualFee: 250.5, noticeLeadDays: 45, earlyPaymentDays: 10 };
    given()
      .when(issue('2027-01-23', '2026-03-10', policy))
      .thenNothing();
    given()
      .when(issue('2027-01-24', '2026-03-10', policy))
      .then([noticeIssued(2027, { issuedOn: '2027-01-24', dueDate: '2027-03-10', payableFrom: '2027-02-28' }, { amountOre: 25050 })]);
  });

  test('registered on a leap day: due on 28 February in other years, 29 February in leap years', () => {
    const leap = { registeredOn: '2024-02-29' };
    given()
      .when(issue('2025-01-29', '2024-02-29'))
      .then([noticeIssued(2025, { issuedOn: '2025-01-29', dueDate: '2025-02-28', payableFrom: '2025-01-29' }, leap)]);
    given([noticeIssued(2027, { issuedOn: '2027-01-29', dueDate: '2027-02-28', payableFrom: '2027-01-29' }, leap)])
      .when(issue('2028-01-30', '2024-02-29'))
      .then([noticeIssued(2028, { issuedOn: '2028-01-30', dueDate: '2028-02-29', payableFrom: '2028-01-30' }, leap)]);
  });

  test('an anniversary already past is skipped, never billed', () => {
    given()
      .when(issue('2029-02-10', '2026-03-10'))
      .then([noticeIssued(2029, { issuedOn: '2029-02-10', dueDate: '2029-03-10', payableFrom: '2029-02-08' })]);
  });

  test('a lapsed account gets no more notices', () => {
    given([notice2027, lapsed('2027-06-09')])
      .when(issue('2028-02-09'))
      .thenNothing();
  });
});

describe('fee account: payments', () => {
  test('the exact amount marks the notice paid', () => {
    const p = payment(20000, '2027-03-01');
    given([notice2027])
      .when(pay(p))
      .then([received(p, 20000), paid('2027-03-01')]);
  });

  test('payable from exactly earlyPaymentDays before the due date; a day earlier is a discrepancy, not applied', () => {
    const first = payment(20000, '2027-02-08');
    given([notice2027])
      .when(pay(first))
      .then([received(first, 20000), paid('2027-02-08')]);
    const early = payment(20000, '2027-02-07');
    given([notice2027])
      .when(pay(early))
      .then([received(early, 0, { reason: 'too-early', ore: 20000 })]);
  });

  test('late but within grace is paid: nothing is lost', () => {
    const late = payment(20000, '2027-06-08');
    given([notice2027])
      .when(pay(late))
      .then([received(late, 20000), paid('2027-06-08')]);
  });

  test('partial payments accumulate until the notice is paid, on the date of the last one', () => {
    const first = payment(5000, '2027-03-01');
    const firstReceived = received(first, 5000, { reason: 'underpaid', ore: 15000 });
    given([notice2027]).when(pay(first)).then([firstReceived]);
    expect(given([notice2027, firstReceived]).state.notices[0]).toMatchObject({ paidOre: 5000, paidOn: null });
    const second = payment(15000, '2027-03-20');
    given([notice2027, firstReceived])
      .when(pay(second))
      .then([received(second, 15000), paid('2027-03-20')]);
  });

  test('overpayment pays the notice and records the excess for staff', () => {
    const p = payment(30000, '2027-03-01');
    given([notice2027])
      .when(pay(p))
      .then([received(p, 20000, { reason: 'overpaid', ore: 10000 }), paid('2027-03-01')]);
  });

  test('paying an already paid notice is recorded, not applied', () => {
    const first = payment(20000, '2027-03-01');
    const again = payment(20000, '2027-03-02');
    given([notice2027, received(first, 20000), paid('2027-03-01')])
      .when(pay(again))
      .then([received(again, 0, { reason: 'already-paid', ore: 20000 })]);
  });

  test('dated after the last pay day it is late: not applied, so it is owed back, before the lapse and after it', () => {
    const day91 = payment(20000, '2027-06-09');
    given([notice2027])
      .when(pay(day91))
      .then([received(day91, 0, { reason: 'late', ore: 20000 })]);
    const some = payment(1000, '2027-03-01');
    const after = payment(20000, '2027-06-10');
    given([notice2027, received(some, 1000, { reason: 'underpaid', ore: 19000 }), lapsed('2027-06-12', 19000)])
      .when(pay(after))
      .then([received(after, 0, { reason: 'late', ore: 20000 })]);
  });

  test('the last pay day comes from the policy passed for the due date', () => {
    const p = payment(20000, '2027-06-09');
    given([notice2027])
      .when(pay(p, { graceDays: 180, settlementBankingDays: 3 }))
      .then([received(p, 20000), paid('2027-06-09')]);
  });

  test('a reference this account never had is recorded as unknown', () => {
    const stray = payment(20000, '2027-03-01', { reference: '1234574' });
    given([notice2027])
      .when(pay(stray))
      .then([received(stray, 0, { reason: 'unknown-notice', ore: 20000 }, null)]);
  });

  test('the same payment twice is registered once', () => {
    const p = payment(20000, '2027-03-01');
    const registered = [notice2027, received(p, 20000), paid('2027-03-01')];
    given(registered).when(pay(p)).thenNothing();
    given(registered)
      .when(pay({ ...p, amountOre: 5 }))
      .thenNothing();
  });
});

describe('fee account: unpaid after the grace days', () => {
  test('unpaid on day 90 after the due date is still within grace', () => {
    given([notice2027]).when(lapse('2027-06-08')).thenThrows(FeeRuleViolation, { code: 'within-grace' });
  });

  test('unpaid, it waits the settlement period: three banking days after day 90, so the bank files of day 90 are in', () => {
    given([notice2027])
      .when(lapse('2027-06-11'))
      .thenThrows(FeeRuleViolation, { code: 'within-grace', message: expect.stringMatching(/from 2027-06-12/) });
    given([notice2027])
      .when(lapse('2027-06-12'))
      .then([lapsed('2027-06-12')]);
  });

  test('with no settlement period, unpaid on day 91 the account lapses', () => {
    const noSettlement = { graceDays: 90, settlementBankingDays: 0 };
    given([notice2027])
      .when(lapse('2027-06-09', noSettlement))
      .then([lapsed('2027-06-09', 20000, [], noSettlement)]);
  });

  test('settlement counts Swedish banking days: a last pay day on Maundy Thursday waits over Easter', () => {
    // Due 2027-03-10 with 15 days of grace: the last pay day is Thursday 25 March, before Good Friday and Easter Monday.
    const short = { graceDays: 15, settlementBankingDays: 3 };
    given([notice2027]).when(lapse('2027-04-01', short)).thenThrows('within-grace');
    given([notice2027])
      .when(lapse('2027-04-02', short))
      .then([lapsed('2027-04-02', 20000, [], short)]);
  });

  test('paid on day 90 keeps the account, even when the payment is registered after the lapse day', () => {
    const p = payment(20000, '2027-06-08');
    const paidInTime = [notice2027, received(p, 20000), paid('2027-06-08')];
    given(paidInTime).when(lapse('2027-06-12')).thenNothing();
    given(paidInTime).when(lapse('2027-06-20')).thenNothing();
  });

  test('a late payment applied before late payments were refused (in the log) did not save the account, and is owed back', () => {
    const p = payment(20000, '2027-06-09');
    given([notice2027, received(p, 20000), paid('2027-06-09')])
      .when(lapse('2027-06-12'))
      .then([lapsed('2027-06-12', 20000, [{ paymentId: p.paymentId, appliedOre: 20000, paidOn: '2027-06-09' }])]);
  });

  test('partly paid in time still lapses, with what is outstanding', () => {
    const p = payment(15000, '2027-03-01');
    given([notice2027, received(p, 15000, { reason: 'underpaid', ore: 5000 })])
      .when(lapse('2027-06-12'))
      .then([lapsed('2027-06-12', 5000)]);
  });

  test('grace and settlement come from the command: the policy on the due date', () => {
    // 180 days: the last pay day is Monday 2027-09-06, settled by Thursday the 9th.
    const long = { graceDays: 180, settlementBankingDays: 3 };
    given([notice2027])
      .when(lapse('2027-09-09', long))
      .thenThrows('within-grace', { message: expect.stringMatching(/from 2027-09-10/) });
    given([notice2027])
      .when(lapse('2027-09-10', long))
      .then([lapsed('2027-09-10', 20000, [], long)]);
  });

  test('deregistration twice: one event', () => {
    given([notice2027, lapsed('2027-06-12')])
      .when(lapse('2027-06-13'))
      .thenNothing();
  });

  test('an unknown notice cannot lapse', () => {
    given([notice2027])
      .when({ type: 'lapse-for-unpaid-fee', noticeId: 'x/2027', on: '2027-06-12', deadline: DEADLINE })
      .thenThrows('no-such-notice', { message: expect.stringMatching(/no fee notice/) });
  });
});

describe('fee account: a payment dated in time that arrives after the lapse', () => {
  test('pays the notice and reverses the lapse, so the account is kept and billed again', () => {
    const p = payment(20000, '2027-06-08');
    given([notice2027, lapsed('2027-06-12')])
      .when(pay(p))
      .then([received(p, 20000), paid('2027-06-08'), reversed(p)]);
    const afterReversal = given([notice2027, lapsed('2027-06-12'), received(p, 20000), paid('2027-06-08'), reversed(p)]);
    expect(afterReversal.state.lapsed).toBeNull();
    afterReversal.when(issue('2028-02-09')).then([noticeIssued(2028, { issuedOn: '2028-02-09', dueDate: '2028-03-10', payableFrom: '2028-02-09' })]);
  });

  test('partly paid in time: applied, still lapsed; the payment that completes it reverses the lapse', () => {
    const first = payment(15000, '2027-06-01');
    const second = payment(5000, '2027-06-08');
    given([notice2027, lapsed('2027-06-12')])
      .when(pay(first))
      .then([received(first, 15000, { reason: 'underpaid', ore: 5000 })]);
    given([notice2027, lapsed('2027-06-12'), received(first, 15000, { reason: 'underpaid', ore: 5000 })])
      .when(pay(second))
      .then([received(second, 5000), paid('2027-06-08'), reversed(second)]);
  });

  test('paying a later notice of an account lapsed for an earlier one does not bring it back', () => {
    const notice2028 = noticeIssued(2028, { issuedOn: '2028-02-09', dueDate: '2028-03-10', payableFrom: '2028-02-09' }, { reference: '10000289' });
    const p = payment(20000, '2028-03-01', { reference: '10000289' });
    given([notice2027, notice2028, lapsed('2027-06-12')])
      .when(pay(p))
      .then([received(p, 0, { reason: 'account-deregistered', ore: 20000 }, `${applicantId}/2028`)]);
  });
});
