import { DEFAULT_POLICY } from '../policy/applicant-policy.js';
import { decideFees, evolveFees, FeeRuleViolation, initialFeeAccount, type FeeAccountCommand, type FeeAccountState } from './fee-account.decider.js';
import type { FeeAccountEvent, IncomingPayment } from './fee-account.events.js';

const applicantId = '6f1c3c1e-8a4b-4c39-9d4e-0f7a2a7f2b11';
const reference = '10000180';
const noticeId = `${applicantId}/2027`;

const given = (...events: FeeAccountEvent[]): FeeAccountState => events.reduce(evolveFees, initialFeeAccount);
const when = (state: FeeAccountState, command: FeeAccountCommand) => decideFees(command, state);

const issue = (on: string, registeredOn = '2026-03-10', policy = DEFAULT_POLICY): FeeAccountCommand => ({ type: 'issue-notice', applicantId, registeredOn, on, policy, reference });

const notice2027: FeeAccountEvent = {
  type: 'fee-notice-issued',
  data: { applicantId, noticeId, year: 2027, registeredOn: '2026-03-10', issuedOn: '2027-02-08', dueDate: '2027-03-10', payableFrom: '2027-02-08', amountOre: 20000, reference },
};

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
const pay = (p: IncomingPayment): FeeAccountCommand => ({ type: 'register-payment', payment: p });
const lapse = (on: string, graceDays = 90): FeeAccountCommand => ({ type: 'lapse-for-unpaid-fee', noticeId, on, graceDays });
const applied = (state: FeeAccountState, p: IncomingPayment) => when(state, pay(p)).reduce(evolveFees, state);

describe('fee account: notices', () => {
  test('the first fee is due on the first anniversary, issued noticeLeadDays before it', () => {
    expect(when(given(), issue('2027-02-07'))).toEqual([]);
    expect(when(given(), issue('2027-02-08'))).toEqual([notice2027]);
  });

  test('no notice in the year of registration', () => {
    expect(when(given(), issue('2026-03-10'))).toEqual([]);
    expect(when(given(), issue('2026-12-31'))).toEqual([]);
  });

  test('one notice a year: issuing again the same year changes nothing', () => {
    expect(when(given(notice2027), issue('2027-02-09'))).toEqual([]);
    expect(when(given(notice2027), issue('2028-02-07'))).toEqual([]);
    expect(when(given(notice2027), issue('2028-02-09'))).toMatchObject([{ data: { year: 2028, dueDate: '2028-03-10', issuedOn: '2028-02-09' } }]);
  });

  test('amount, lead time and early-payment window come from the policy passed for the issue date', () => {
    const policy = { ...DEFAULT_POLICY, annualFee: 250.5, noticeLeadDays: 45, earlyPaymentDays: 10 };
    expect(when(given(), issue('2027-01-23', '2026-03-10', policy))).toEqual([]);
    expect(when(given(), issue('2027-01-24', '2026-03-10', policy))).toMatchObject([{ data: { amountOre: 25050, dueDate: '2027-03-10', payableFrom: '2027-02-28' } }]);
  });

  test('registered on a leap day: due on 28 February in other years, 29 February in leap years', () => {
    expect(when(given(), issue('2025-01-29', '2024-02-29'))).toMatchObject([{ data: { dueDate: '2025-02-28', issuedOn: '2025-01-29' } }]);
    const issued = (year: number, dueDate: string): FeeAccountEvent => ({ ...notice2027, data: { ...notice2027.data, year, dueDate, registeredOn: '2024-02-29' } });
    expect(when(given(issued(2027, '2027-02-28')), issue('2028-01-30', '2024-02-29'))).toMatchObject([{ data: { year: 2028, dueDate: '2028-02-29' } }]);
  });

  test('an anniversary already past is skipped, never billed', () => {
    expect(when(given(), issue('2029-02-10', '2026-03-10'))).toMatchObject([{ data: { year: 2029, dueDate: '2029-03-10', issuedOn: '2029-02-10' } }]);
  });

  test('a lapsed account gets no more notices', () => {
    const state = given(notice2027, { type: 'fee-account-lapsed', data: { noticeId, dueDate: '2027-03-10', graceDays: 90, on: '2027-06-09', outstandingOre: 20000, latePayments: [] } });
    expect(when(state, issue('2028-02-09'))).toEqual([]);
  });
});

describe('fee account: payments', () => {
  test('the exact amount marks the notice paid', () => {
    const p = payment(20000, '2027-03-01');
    expect(when(given(notice2027), pay(p))).toEqual([
      { type: 'fee-payment-received', data: { ...p, noticeId, appliedOre: 20000, discrepancy: null } },
      { type: 'fee-notice-paid', data: { noticeId, paidOn: '2027-03-01', paidOre: 20000 } },
    ]);
  });

  test('payable from exactly earlyPaymentDays before the due date; a day earlier is a discrepancy, not applied', () => {
    expect(when(given(notice2027), pay(payment(20000, '2027-02-08')))).toHaveLength(2);
    const early = payment(20000, '2027-02-07');
    expect(when(given(notice2027), pay(early))).toEqual([{ type: 'fee-payment-received', data: { ...early, noticeId, appliedOre: 0, discrepancy: { reason: 'too-early', ore: 20000 } } }]);
  });

  test('late but within grace is paid: nothing is lost', () => {
    expect(when(given(notice2027), pay(payment(20000, '2027-06-08')))[1]).toMatchObject({ type: 'fee-notice-paid' });
  });

  test('partial payments accumulate until the notice is paid, on the date of the last one', () => {
    const first = payment(5000, '2027-03-01');
    const afterFirst = applied(given(notice2027), first);
    expect(afterFirst.notices[0]).toMatchObject({ paidOre: 5000, paidOn: null });
    expect(afterFirst.payments[first.paymentId].discrepancy).toEqual({ reason: 'underpaid', ore: 15000 });
    const second = payment(15000, '2027-03-20');
    expect(when(afterFirst, pay(second))).toEqual([
      { type: 'fee-payment-received', data: { ...second, noticeId, appliedOre: 15000, discrepancy: null } },
      { type: 'fee-notice-paid', data: { noticeId, paidOn: '2027-03-20', paidOre: 20000 } },
    ]);
  });

  test('overpayment pays the notice and records the excess for staff', () => {
    const p = payment(30000, '2027-03-01');
    expect(when(given(notice2027), pay(p))).toEqual([
      { type: 'fee-payment-received', data: { ...p, noticeId, appliedOre: 20000, discrepancy: { reason: 'overpaid', ore: 10000 } } },
      { type: 'fee-notice-paid', data: { noticeId, paidOn: '2027-03-01', paidOre: 20000 } },
    ]);
  });

  test('paying an already paid notice is recorded, not applied', () => {
    const paid = applied(given(notice2027), payment(20000, '2027-03-01'));
    expect(when(paid, pay(payment(20000, '2027-03-02')))).toMatchObject([{ data: { appliedOre: 0, discrepancy: { reason: 'already-paid', ore: 20000 } } }]);
  });

  test('a payment after deregistration is recorded, not applied', () => {
    const state = applied(given(notice2027), payment(1000, '2027-03-01'));
    const lapsed = when(state, lapse('2027-06-09')).reduce(evolveFees, state);
    expect(when(lapsed, pay(payment(20000, '2027-06-10')))).toMatchObject([{ data: { noticeId, appliedOre: 0, discrepancy: { reason: 'account-deregistered', ore: 20000 } } }]);
  });

  test('a reference this account never had is recorded as unknown', () => {
    expect(when(given(notice2027), pay(payment(20000, '2027-03-01', { reference: '1234574' })))).toMatchObject([
      { data: { noticeId: null, appliedOre: 0, discrepancy: { reason: 'unknown-notice', ore: 20000 } } },
    ]);
  });

  test('the same payment twice is registered once', () => {
    const p = payment(20000, '2027-03-01');
    const state = applied(given(notice2027), p);
    expect(when(state, pay(p))).toEqual([]);
    expect(when(state, pay({ ...p, amountOre: 5 }))).toEqual([]);
  });
});

describe('fee account: unpaid after the grace days', () => {
  test('unpaid on day 90 after the due date is still within grace', () => {
    expect(() => when(given(notice2027), lapse('2027-06-08'))).toThrow(FeeRuleViolation);
  });

  test('unpaid on day 91 the account lapses, with the reason recorded', () => {
    expect(when(given(notice2027), lapse('2027-06-09'))).toEqual([
      { type: 'fee-account-lapsed', data: { noticeId, dueDate: '2027-03-10', graceDays: 90, on: '2027-06-09', outstandingOre: 20000, latePayments: [] } },
    ]);
  });

  test('paid on day 90 keeps the account, even when the payment is registered after day 91', () => {
    const paid = applied(given(notice2027), payment(20000, '2027-06-08'));
    expect(when(paid, lapse('2027-06-09'))).toEqual([]);
    expect(when(paid, lapse('2027-06-12'))).toEqual([]);
  });

  test('paid on day 91, registered before the job caught up: too late, and owed back', () => {
    const p = payment(20000, '2027-06-09');
    const paid = applied(given(notice2027), p);
    expect(when(paid, lapse('2027-06-09'))).toMatchObject([{ data: { outstandingOre: 20000, latePayments: [{ paymentId: p.paymentId, appliedOre: 20000, paidOn: '2027-06-09' }] } }]);
  });

  test('partly paid in time still lapses, with what is outstanding', () => {
    const state = applied(given(notice2027), payment(15000, '2027-03-01'));
    expect(when(state, lapse('2027-06-09'))).toMatchObject([{ data: { outstandingOre: 5000 } }]);
  });

  test('grace days come from the command: the policy on the due date', () => {
    expect(() => when(given(notice2027), lapse('2027-09-06', 180))).toThrow(/within its 180 days/);
    expect(when(given(notice2027), lapse('2027-09-07', 180))).toHaveLength(1);
  });

  test('deregistration twice: one event', () => {
    const once = when(given(notice2027), lapse('2027-06-09')).reduce(evolveFees, given(notice2027));
    expect(when(once, lapse('2027-06-10'))).toEqual([]);
  });

  test('an unknown notice cannot lapse', () => {
    expect(() => decideFees({ type: 'lapse-for-unpaid-fee', noticeId: 'x/2027', on: '2027-06-09', graceDays: 90 }, given(notice2027))).toThrow(/no fee notice/);
  });
});
