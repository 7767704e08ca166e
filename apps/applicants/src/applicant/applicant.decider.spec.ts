import { AlreadyRegistered, decide, evolve, initialState, type RegisterApplicant } from './applicant.decider.js';

const sealed = { subject: 'a', iv: '', tag: '', data: '' };
const register = (now: string): RegisterApplicant => ({
  type: 'register-applicant',
  applicantId: '6f1c3c1e-8a4b-4c39-9d4e-0f7a2a7f2b11',
  personal: sealed,
  now: new Date(now),
});

describe('applicant decider: registering', () => {
  test('given no account, registering starts the queue time on the Stockholm date', () => {
    const [event] = decide(register('2026-03-10T09:00:00Z'), initialState);
    expect(event).toMatchObject({ type: 'applicant-registered', data: { queueStartDate: '2026-03-10', registeredAt: '2026-03-10T09:00:00.000Z' } });
  });

  test('late evening UTC on New Year’s Eve is already the next day in Stockholm', () => {
    expect(decide(register('2026-12-31T23:30:00Z'), initialState)[0].data.queueStartDate).toBe('2027-01-01');
  });

  test('across the spring DST change the date follows Stockholm local time', () => {
    expect(decide(register('2026-03-28T23:30:00Z'), initialState)[0].data.queueStartDate).toBe('2026-03-29');
    expect(decide(register('2026-03-28T22:30:00Z'), initialState)[0].data.queueStartDate).toBe('2026-03-28');
  });

  test('given a registered account, registering again is refused', () => {
    const state = evolve(initialState, decide(register('2026-03-10T09:00:00Z'), initialState)[0]);
    expect(() => decide(register('2026-03-11T09:00:00Z'), state)).toThrow(AlreadyRegistered);
  });
});
