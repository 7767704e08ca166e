import { deciderSpecification } from '../../../../libs/testing/src/decider-specification.js';
import { DEFAULT_POLICY } from '../policy/applicant-policy.js';
import { decideFees, evolveFees, FeeRuleViolation, initialFeeAccount, type FeeAccountCommand } from './fee-account.decider.js';
import type { Discrepancy, FeeAccountEvent, IncomingPayment } from './fee-account.events.js';

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
const pay = (p: IncomingPayment): FeeAccountCommand => ({ type: 'register-payment', payment: p });
const received = (p: IncomingPayment, appliedOre: number, discrepancy: Discrepancy | null = null, id: string | null = noticeId): FeeAccountEvent => ({
  type: 'fee-payment-received',
  data: { ...p, noticeId: id, appliedOre, discrepancy },
});
const paid = (paidOn: string): FeeAccountEvent => ({ type: 'fee-notice-paid', data: { noticeId, paidOn, paidOre: 20000 } });
const lapse = (on: string, graceDays = 90): FeeAccountCommand => ({ type: 'lapse-for-unpaid-fee', noticeId, on, graceDays });
const lapsed = (on: string, outstandingOre = 20000, latePayments: { paymentId: string; appliedOre: number; paidOn: string }[] = [], graceDays = 90): FeeAccountEvent => ({
  type: 'fee-account-lapsed',
  data: { noticeId, dueDate: '2027-03-10', graceDays, on, outstandingOre, latePayments },
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

  test('a payment after deregistration is recorded, not applied', () => {
    const some = payment(1000, '2027-03-01');
    const after = payment(20000, '2027-06-10');
    given([notice2027, received(some, 1000, { reason: 'underpaid', ore: 19000 }), lapsed('2027-06-09', 19000)])
      .when(pay(after))
      .then([received(after, 0, { reason: 'account-deregistered', ore: 20000 })]);
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

  test('unpaid on day 91 the account lapses, with the reason recorded', () => {
    given([notice2027])
      .when(lapse('2027-06-09'))
      .then([lapsed('2027-06-09')]);
  });

  test('paid on day 90 keeps the account, even when the payment is registered after day 91', () => {
    const p = payment(20000, '2027-06-08');
    const paidInTime = [notice2027, received(p, 20000), paid('2027-06-08')];
    given(paidInTime).when(lapse('2027-06-09')).thenNothing();
    given(paidInTime).when(lapse('2027-06-12')).thenNothing();
  });

  test('paid on day 91, registered before the job caught up: too late, and owed back', () => {
    const p = payment(20000, '2027-06-09');
    given([notice2027, received(p, 20000), paid('2027-06-09')])
      .when(lapse('2027-06-09'))
      .then([lapsed('2027-06-09', 20000, [{ paymentId: p.paymentId, appliedOre: 20000, paidOn: '2027-06-09' }])]);
  });

  test('partly paid in time still lapses, with what is outstanding', () => {
    const p = payment(15000, '2027-03-01');
    given([notice2027, received(p, 15000, { reason: 'underpaid', ore: 5000 })])
      .when(lapse('2027-06-09'))
      .then([lapsed('2027-06-09', 5000)]);
  });

  test('grace days come from the command: the policy on the due date', () => {
    given([notice2027])
      .when(lapse('2027-09-06', 180))
      .thenThrows('within-grace', { message: expect.stringMatching(/within its 180 days/) });
    given([notice2027])
      .when(lapse('2027-09-07', 180))
      .then([lapsed('2027-09-07', 20000, [], 180)]);
  });

  test('deregistration twice: one event', () => {
    given([notice2027, lapsed('2027-06-09')])
      .when(lapse('2027-06-10'))
      .thenNothing();
  });

  test('an unknown notice cannot lapse', () => {
    given([notice2027])
      .when({ type: 'lapse-for-unpaid-fee', noticeId: 'x/2027', on: '2027-06-09', graceDays: 90 })
      .thenThrows('no-such-notice', { message: expect.stringMatching(/no fee notice/) });
  });
});
