import { DEFAULT_POLICY } from '../policy/applicant-policy.js';
import { ApplicantRuleViolation, decide, evolve, initialState, queueDaysOn, type ApplicantCommand, type ApplicantState } from './applicant.decider.js';
import type { ApplicantEvent } from './applicant.events.js';

const sealed = { subject: 'a', iv: '', tag: '', data: '' };
const applicantId = '6f1c3c1e-8a4b-4c39-9d4e-0f7a2a7f2b11';
const register = (now: string, birthDate = '1990-05-05', policy = DEFAULT_POLICY): ApplicantCommand => ({
  type: 'register',
  applicantId,
  personal: sealed,
  birthDate,
  now: new Date(now),
  policy,
});

/** Given these commands already decided, when this one: then these events (or this refusal). */
function given(...commands: ApplicantCommand[]): { state: ApplicantState; when: (command: ApplicantCommand) => ApplicantEvent[] } {
  const state = commands.reduce((s, c) => decide(c, s).reduce(evolve, s), initialState);
  return { state, when: (command) => decide(command, state) };
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as ApplicantRuleViolation).code;
  }
  return 'no error';
};

const staffDecision = { caseId: 'case-1', decidedBy: 'staff-1', explanation: 'The registration date was entered wrongly in 2019' };
const registered = register('2020-02-10T09:00:00Z');
const openCase: ApplicantCommand = { type: 'register-case', caseId: 'case-1', channel: 'phone', subject: 'Queue start', description: sealed, registeredBy: 'staff-1' };

describe('applicant decider', () => {
  describe('registering', () => {
    test('starts the queue time on the Stockholm date of registration', () => {
      expect(given().when(registered)[0]).toMatchObject({ type: 'applicant-registered', data: { queueStartDate: '2020-02-10', birthYear: 1990 } });
    });

    test('late evening UTC on New Year’s Eve is already the next day in Stockholm', () => {
      expect(given().when(register('2026-12-31T23:30:00Z'))[0]).toMatchObject({ data: { queueStartDate: '2027-01-01' } });
    });

    test('across the spring DST change the date follows Stockholm local time', () => {
      expect(given().when(register('2026-03-28T23:30:00Z'))[0]).toMatchObject({ data: { queueStartDate: '2026-03-29' } });
      expect(given().when(register('2026-03-28T22:30:00Z'))[0]).toMatchObject({ data: { queueStartDate: '2026-03-28' } });
    });

    test('on a leap day the queue start is 29 February', () => {
      expect(given().when(register('2024-02-29T10:00:00Z'))[0]).toMatchObject({ data: { queueStartDate: '2024-02-29' } });
    });

    test('minimum age from the policy: 18 on the birthday is enough, the day before is not', () => {
      expect(given().when(register('2026-05-05T10:00:00Z', '2008-05-05'))).toHaveLength(1);
      expect(code(() => given().when(register('2026-05-04T10:00:00Z', '2008-05-05')))).toBe('below-minimum-age');
      expect(given().when(register('2026-05-04T10:00:00Z', '2009-05-04', { ...DEFAULT_POLICY, minimumAge: 17 }))).toHaveLength(1);
    });

    test('a person born on a leap day turns 18 on 1 March in other years', () => {
      expect(code(() => given().when(register('2026-02-28T10:00:00Z', '2008-02-29')))).toBe('below-minimum-age');
      expect(given().when(register('2026-03-01T10:00:00Z', '2008-02-29'))).toHaveLength(1);
    });

    test('registering twice is refused', () => {
      expect(code(() => given(registered).when(registered))).toBe('already-registered');
    });
  });

  describe('queue days', () => {
    test('count whole days from the queue start, on any date', () => {
      const { state } = given(registered);
      if (state.status === 'none') throw new Error('not registered');
      expect(queueDaysOn(state.periods, '2020-02-10')).toBe(0);
      expect(queueDaysOn(state.periods, '2021-02-10')).toBe(366);
      expect(queueDaysOn(state.periods, '2020-02-09')).toBe(0);
    });
  });

  describe('letting', () => {
    const contract: ApplicantCommand = { type: 'use-up-queue-time', listingId: 'L1', contractDate: '2025-06-01' };
    test('a first-hand contract uses up the queue time: the contract date is the new queue start', () => {
      const events = given(registered).when(contract);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'queue-start-changed',
          data: expect.objectContaining({ queueStartDate: '2025-06-01', previousQueueStartDate: '2020-02-10', reason: 'contract-signed', listingId: 'L1' }),
        }),
      ]);
      const { state } = given(registered, contract);
      if (state.status === 'none') throw new Error('not registered');
      expect(queueDaysOn(state.periods, '2025-05-31')).toBe(1937);
      expect(queueDaysOn(state.periods, '2025-06-11')).toBe(10);
    });

    test('the same letting delivered twice uses the queue time up once', () => {
      expect(given(registered, contract).when(contract)).toEqual([]);
    });

    test('a letting not completed restores the queue time, once', () => {
      const cancel: ApplicantCommand = { type: 'restore-after-cancelled-letting', listingId: 'L1', on: '2025-06-05' };
      expect(given(registered, contract).when(cancel)[0]).toMatchObject({ data: { queueStartDate: '2020-02-10', reason: 'letting-cancelled' } });
      expect(given(registered, contract, cancel).when(cancel)).toEqual([]);
      expect(given(registered).when(cancel)).toEqual([]);
    });
  });

  describe('deregistration for an unpaid fee', () => {
    const deregister = (on: string): ApplicantCommand => ({ type: 'deregister-for-unpaid-fee', on, noticeId: 'N1', dueDate: '2021-02-10', graceDays: 90, decidedBy: 'fee-job' });
    test('day 90 after the due date is still grace; day 91 deregisters and the queue time is lost', () => {
      expect(code(() => given(registered).when(deregister('2021-05-11')))).toBe('within-grace');
      expect(given(registered).when(deregister('2021-05-12'))).toEqual([
        expect.objectContaining({ type: 'applicant-deregistered', data: expect.objectContaining({ reason: 'annual-fee-unpaid', noticeId: 'N1' }) }),
      ]);
      const { state } = given(registered, deregister('2021-05-12'));
      if (state.status === 'none') throw new Error('not registered');
      expect(state.queueStartDate).toBeNull();
      expect(queueDaysOn(state.periods, '2021-05-11')).toBe(456);
      expect(queueDaysOn(state.periods, '2021-05-12')).toBe(0);
    });

    test('deregistering twice records it once', () => {
      expect(given(registered, deregister('2021-05-12')).when(deregister('2021-05-13'))).toEqual([]);
    });

    test('a deregistered account cannot get its queue time back from staff', () => {
      const restore: ApplicantCommand = { type: 'staff-change-queue-start', reason: 'restored-after-agency-error', queueStartDate: '2020-02-10', effectiveFrom: '2021-06-01', ...staffDecision };
      expect(code(() => given(registered, openCase, deregister('2021-05-12')).when(restore))).toBe('account-deregistered');
    });
  });

  describe('staff decisions', () => {
    const correct: ApplicantCommand = { type: 'staff-change-queue-start', reason: 'staff-correction', queueStartDate: '2019-11-01', effectiveFrom: '2020-03-01', ...staffDecision };
    test('a correction records who decided, why and in which case', () => {
      expect(given(registered, openCase).when(correct)[0]).toMatchObject({
        data: { queueStartDate: '2019-11-01', previousQueueStartDate: '2020-02-10', caseId: 'case-1', decidedBy: 'staff-1', explanation: staffDecision.explanation },
      });
    });

    test('the case must be one of this account’s cases', () => {
      expect(code(() => given(registered).when(correct))).toBe('no-case');
    });

    test('a case is answered once', () => {
      const answer: ApplicantCommand = { type: 'answer-case', caseId: 'case-1', answer: sealed, answeredBy: 'staff-1' };
      expect(given(registered, openCase).when(answer)).toHaveLength(1);
      expect(code(() => given(registered, openCase, answer).when(answer))).toBe('case-answered');
      expect(code(() => given(registered).when(answer))).toBe('no-case');
    });

    test('without a case or a reason there is no decision', () => {
      expect(code(() => given(registered, openCase).when({ ...correct, caseId: '' } as ApplicantCommand))).toBe('decision-incomplete');
      expect(code(() => given(registered, openCase).when({ ...correct, explanation: ' ' } as ApplicantCommand))).toBe('decision-incomplete');
    });

    test('a transfer from a co-applicant keeps the earlier start date and closes the giver', () => {
      const receive: ApplicantCommand = { type: 'receive-transfer', fromApplicantId: 'other', queueStartDate: '2010-01-01', on: '2021-01-01', ...staffDecision };
      expect(given(registered, openCase).when(receive)[0]).toMatchObject({ data: { queueStartDate: '2010-01-01', reason: 'transferred-from-co-applicant', sourceApplicantId: 'other' } });
      expect(given(registered, openCase).when({ ...receive, queueStartDate: '2022-01-01' } as ApplicantCommand)[0]).toMatchObject({ data: { queueStartDate: '2020-02-10' } });
      const giveAway: ApplicantCommand = { type: 'transfer-out', toApplicantId: 'spouse', on: '2021-01-01', ...staffDecision };
      expect(
        given(registered, openCase)
          .when(giveAway)
          .map((e) => e.type),
      ).toEqual(['queue-time-transferred-out', 'account-closed']);
    });
  });

  describe('closing and erasure', () => {
    const close: ApplicantCommand = { type: 'close', on: '2022-01-01', closedBy: applicantId };
    const erase: ApplicantCommand = { type: 'erase', on: '2022-01-02', erasedBy: 'staff-1' };
    test('erasure needs a closed account, and happens once', () => {
      expect(code(() => given(registered).when(erase))).toBe('account-active');
      expect(given(registered, close).when(erase)).toHaveLength(1);
      expect(given(registered, close, erase).when(erase)).toEqual([]);
      expect(code(() => given(registered, close, erase).when({ type: 'change-personal-details', personal: sealed, changedBy: 'x' }))).toBe('erased');
    });

    test('a closed account cannot be closed again', () => {
      expect(code(() => given(registered, close).when(close))).toBe('already-closed');
    });
  });
});
