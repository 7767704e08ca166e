import { deciderSpecification } from '@bostadsko/testing';
import { DEFAULT_POLICY } from '../policy/applicant-policy.js';
import { ApplicantRuleViolation, decide, evolve, initialState, queueDaysOn, type ApplicantCommand } from './applicant.decider.js';
import type { ApplicantEvent } from './applicant.events.js';

const given = deciderSpecification({ decide, evolve, initialState });

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
const applicantRegistered = (now: string, queueStartDate: string, birthYear = 1990): ApplicantEvent => ({
  type: 'applicant-registered',
  data: { applicantId, registeredAt: new Date(now).toISOString(), queueStartDate, birthYear, personal: sealed },
});
type QueueStartChanged = Extract<ApplicantEvent, { type: 'queue-start-changed' }>['data'];
const queueStartChanged = (data: QueueStartChanged): ApplicantEvent => ({ type: 'queue-start-changed', data });

const staffDecision = { caseId: 'case-1', decidedBy: 'staff-1', explanation: 'The registration date was entered wrongly in 2019' };
const registration = register('2020-02-10T09:00:00Z');
const registered = applicantRegistered('2020-02-10T09:00:00Z', '2020-02-10');
const openCase: ApplicantCommand = { type: 'register-case', caseId: 'case-1', channel: 'phone', subject: 'Queue start', description: sealed, registeredBy: 'staff-1' };
const caseOpened: ApplicantEvent = { type: 'case-registered', data: { caseId: 'case-1', channel: 'phone', subject: 'Queue start', description: sealed, registeredBy: 'staff-1' } };

describe('applicant decider', () => {
  describe('registering', () => {
    test('starts the queue time on the Stockholm date of registration', () => {
      given().when(registration).then([registered]);
    });

    test('late evening UTC on New Year’s Eve is already the next day in Stockholm', () => {
      given()
        .when(register('2026-12-31T23:30:00Z'))
        .then([applicantRegistered('2026-12-31T23:30:00Z', '2027-01-01')]);
    });

    test('across the spring DST change the date follows Stockholm local time', () => {
      given()
        .when(register('2026-03-28T23:30:00Z'))
        .then([applicantRegistered('2026-03-28T23:30:00Z', '2026-03-29')]);
      given()
        .when(register('2026-03-28T22:30:00Z'))
        .then([applicantRegistered('2026-03-28T22:30:00Z', '2026-03-28')]);
    });

    test('on a leap day the queue start is 29 February', () => {
      given()
        .when(register('2024-02-29T10:00:00Z'))
        .then([applicantRegistered('2024-02-29T10:00:00Z', '2024-02-29')]);
    });

    test('minimum age from the policy: 18 on the birthday is enough, the day before is not', () => {
      given()
        .when(register('2026-05-05T10:00:00Z', '2008-05-05'))
        .then([applicantRegistered('2026-05-05T10:00:00Z', '2026-05-05', 2008)]);
      given().when(register('2026-05-04T10:00:00Z', '2008-05-05')).thenThrows('below-minimum-age');
      given()
        .when(register('2026-05-04T10:00:00Z', '2009-05-04', { ...DEFAULT_POLICY, minimumAge: 17 }))
        .then([applicantRegistered('2026-05-04T10:00:00Z', '2026-05-04', 2009)]);
    });

    test('a person born on a leap day turns 18 on 1 March in other years', () => {
      given().when(register('2026-02-28T10:00:00Z', '2008-02-29')).thenThrows('below-minimum-age');
      given()
        .when(register('2026-03-01T10:00:00Z', '2008-02-29'))
        .then([applicantRegistered('2026-03-01T10:00:00Z', '2026-03-01', 2008)]);
    });

    test('registering twice is refused', () => {
      given([registered]).when(registration).thenThrows(ApplicantRuleViolation, { code: 'already-registered', status: 409 });
    });
  });

  describe('queue days', () => {
    test('count whole days from the queue start, on any date', () => {
      const { state } = given([registered]);
      if (state.status === 'none') throw new Error('not registered');
      expect(queueDaysOn(state.periods, '2020-02-10')).toBe(0);
      expect(queueDaysOn(state.periods, '2021-02-10')).toBe(366);
      expect(queueDaysOn(state.periods, '2020-02-09')).toBe(0);
    });
  });

  describe('letting', () => {
    const contract: ApplicantCommand = { type: 'use-up-queue-time', listingId: 'L1', contractDate: '2025-06-01' };
    const usedUp = queueStartChanged({
      effectiveFrom: '2025-06-01',
      queueStartDate: '2025-06-01',
      previousQueueStartDate: '2020-02-10',
      reason: 'contract-signed',
      listingId: 'L1',
      decidedBy: 'listings',
      explanation: 'A first-hand contract through the queue uses up the queue time',
    });

    test('a first-hand contract uses up the queue time: the contract date is the new queue start', () => {
      given([registered]).when(contract).then([usedUp]);
      const { state } = given([registered, usedUp]);
      if (state.status === 'none') throw new Error('not registered');
      expect(queueDaysOn(state.periods, '2025-05-31')).toBe(1937);
      expect(queueDaysOn(state.periods, '2025-06-11')).toBe(10);
    });

    test('the same letting delivered twice uses the queue time up once', () => {
      given([registered, usedUp]).when(contract).thenNothing();
    });

    test('a letting not completed restores the queue time, once', () => {
      const cancel: ApplicantCommand = { type: 'restore-after-cancelled-letting', listingId: 'L1', on: '2025-06-05' };
      const restored = queueStartChanged({
        effectiveFrom: '2025-06-05',
        queueStartDate: '2020-02-10',
        previousQueueStartDate: '2025-06-01',
        reason: 'letting-cancelled',
        listingId: 'L1',
        decidedBy: 'listings',
        explanation: 'The landlord did not complete the letting: the queue time is restored',
      });
      given([registered, usedUp]).when(cancel).then([restored]);
      given([registered, usedUp, restored]).when(cancel).thenNothing();
      given([registered]).when(cancel).thenNothing();
    });
  });

  describe('deregistration for an unpaid fee', () => {
    const deregister = (on: string, settlementBankingDays = 3): ApplicantCommand => ({
      type: 'deregister-for-unpaid-fee',
      on,
      noticeId: 'N1',
      dueDate: '2021-02-10',
      graceDays: 90,
      settlementBankingDays,
      decidedBy: 'fee-job',
    });
    const deregistered = (on: string): ApplicantEvent => ({
      type: 'applicant-deregistered',
      data: { on, reason: 'annual-fee-unpaid', noticeId: 'N1', dueDate: '2021-02-10', graceDays: 90, settlementBankingDays: 3, decidedBy: 'fee-job' },
    });
    const reverse = (on: string, noticeId = 'N1'): ApplicantCommand => ({ type: 'reverse-deregistration', noticeId, paidOn: '2021-05-11', on, decidedBy: 'staff-1' });
    const reversed: ApplicantEvent = {
      type: 'deregistration-reversed',
      data: { deregisteredOn: '2021-05-18', on: '2021-05-25', noticeId: 'N1', paidOn: '2021-05-11', queueStartDate: '2020-02-10', reason: 'fee-paid-in-time', decidedBy: 'staff-1' },
    };

    test('day 90 is the last pay day, then three banking days of settlement (Ascension Day 13 May 2021 not counted); then the queue time is lost', () => {
      given([registered])
        .when(deregister('2021-05-17'))
        .thenThrows('within-grace', { message: expect.stringMatching(/from 2021-05-18/) });
      given([registered])
        .when(deregister('2021-05-18'))
        .then([deregistered('2021-05-18')]);
      const { state } = given([registered, deregistered('2021-05-18')]);
      if (state.status === 'none') throw new Error('not registered');
      expect(state.queueStartDate).toBeNull();
      expect(queueDaysOn(state.periods, '2021-05-17')).toBe(462);
      expect(queueDaysOn(state.periods, '2021-05-18')).toBe(0);
    });

    test('with no settlement period day 91 deregisters', () => {
      given([registered]).when(deregister('2021-05-11', 0)).thenThrows('within-grace');
      given([registered])
        .when(deregister('2021-05-12', 0))
        .then([
          {
            type: 'applicant-deregistered',
            data: { on: '2021-05-12', reason: 'annual-fee-unpaid', noticeId: 'N1', dueDate: '2021-02-10', graceDays: 90, settlementBankingDays: 0, decidedBy: 'fee-job' },
          },
        ]);
    });

    test('deregistering twice records it once', () => {
      given([registered, deregistered('2021-05-18')])
        .when(deregister('2021-05-19'))
        .thenNothing();
    });

    test('a deregistered account cannot get its queue time back from staff', () => {
      const restore: ApplicantCommand = { type: 'staff-change-queue-start', reason: 'restored-after-agency-error', queueStartDate: '2020-02-10', effectiveFrom: '2021-06-01', ...staffDecision };
      given([registered, caseOpened, deregistered('2021-05-18')])
        .when(restore)
        .thenThrows('account-deregistered');
    });

    test('a payment dated in time reverses the deregistration: the queue start it had, from the day of the deregistration', () => {
      given([registered, deregistered('2021-05-18')])
        .when(reverse('2021-05-25'))
        .then([reversed]);
      const { state } = given([registered, deregistered('2021-05-18'), reversed]);
      if (state.status === 'none') throw new Error('not registered');
      expect(state).toMatchObject({ status: 'active', queueStartDate: '2020-02-10' });
      // As if never deregistered: the days in between count too.
      expect(queueDaysOn(state.periods, '2021-05-20')).toBe(465);
      expect(queueDaysOn(state.periods, '2021-05-25')).toBe(470);
    });

    test('nothing to reverse: active, reversed already, another notice, or closed since', () => {
      given([registered]).when(reverse('2021-05-25')).thenNothing();
      given([registered, deregistered('2021-05-18'), reversed])
        .when(reverse('2021-05-26'))
        .thenNothing();
      given([registered, deregistered('2021-05-18')])
        .when(reverse('2021-05-25', 'N2'))
        .thenNothing();
      given([registered, deregistered('2021-05-18'), { type: 'account-closed', data: { on: '2021-05-20', closedBy: 'seeker' } }])
        .when(reverse('2021-05-25'))
        .thenNothing();
    });
  });

  describe('staff decisions', () => {
    const correct: ApplicantCommand = { type: 'staff-change-queue-start', reason: 'staff-correction', queueStartDate: '2019-11-01', effectiveFrom: '2020-03-01', ...staffDecision };

    test('a correction records who decided, why and in which case', () => {
      given([registered, caseOpened])
        .when(correct)
        .then([queueStartChanged({ effectiveFrom: '2020-03-01', queueStartDate: '2019-11-01', previousQueueStartDate: '2020-02-10', reason: 'staff-correction', ...staffDecision })]);
    });

    test('the case must be one of this account’s cases', () => {
      given([registered]).when(correct).thenThrows('no-case');
    });

    test('a case is answered once', () => {
      const answer: ApplicantCommand = { type: 'answer-case', caseId: 'case-1', answer: sealed, answeredBy: 'staff-1' };
      const answered: ApplicantEvent = { type: 'case-answered', data: { caseId: 'case-1', answer: sealed, answeredBy: 'staff-1' } };
      given([registered]).when(openCase).then([caseOpened]);
      given([registered, caseOpened]).when(answer).then([answered]);
      given([registered, caseOpened, answered]).when(answer).thenThrows('case-answered');
      given([registered]).when(answer).thenThrows('no-case');
    });

    test('without a case or a reason there is no decision', () => {
      given([registered, caseOpened])
        .when({ ...correct, caseId: '' } as ApplicantCommand)
        .thenThrows('decision-incomplete');
      given([registered, caseOpened])
        .when({ ...correct, explanation: ' ' } as ApplicantCommand)
        .thenThrows('decision-incomplete');
    });

    test('a transfer from a co-applicant keeps the earlier start date and closes the giver', () => {
      const receive: ApplicantCommand = { type: 'receive-transfer', fromApplicantId: 'other', queueStartDate: '2010-01-01', on: '2021-01-01', ...staffDecision };
      const received = (queueStartDate: string) =>
        queueStartChanged({
          effectiveFrom: '2021-01-01',
          queueStartDate,
          previousQueueStartDate: '2020-02-10',
          reason: 'transferred-from-co-applicant',
          sourceApplicantId: 'other',
          ...staffDecision,
        });
      given([registered, caseOpened])
        .when(receive)
        .then([received('2010-01-01')]);
      given([registered, caseOpened])
        .when({ ...receive, queueStartDate: '2022-01-01' } as ApplicantCommand)
        .then([received('2020-02-10')]);
      const giveAway: ApplicantCommand = { type: 'transfer-out', toApplicantId: 'spouse', on: '2021-01-01', ...staffDecision };
      given([registered, caseOpened])
        .when(giveAway)
        .then([
          { type: 'queue-time-transferred-out', data: { toApplicantId: 'spouse', on: '2021-01-01', ...staffDecision } },
          { type: 'account-closed', data: { on: '2021-01-01', closedBy: 'staff-1' } },
        ]);
    });
  });

  describe('closing and erasure', () => {
    const close: ApplicantCommand = { type: 'close', on: '2022-01-01', closedBy: applicantId };
    const closed: ApplicantEvent = { type: 'account-closed', data: { on: '2022-01-01', closedBy: applicantId } };
    const erase: ApplicantCommand = { type: 'erase', on: '2022-01-02', erasedBy: 'staff-1' };
    const erased: ApplicantEvent = { type: 'personal-data-erased', data: { on: '2022-01-02', erasedBy: 'staff-1' } };

    test('erasure needs a closed account, and happens once', () => {
      given([registered]).when(erase).thenThrows('account-active');
      given([registered]).when(close).then([closed]);
      given([registered, closed]).when(erase).then([erased]);
      given([registered, closed, erased]).when(erase).thenNothing();
      given([registered, closed, erased]).when({ type: 'change-personal-details', personal: sealed, changedBy: 'x' }).thenThrows('erased');
    });

    test('a closed account cannot be closed again', () => {
      given([registered, closed]).when(close).thenThrows('already-closed', { status: 409 });
    });
  });
});
