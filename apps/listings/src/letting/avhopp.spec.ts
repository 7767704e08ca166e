import { avhoppBlockedUntil } from './avhopp.js';
import { DEFAULT_LETTING_POLICY } from './letting.policy.js';

describe('avhopp: two withdrawals within 12 months block applying for 6 months', () => {
  test('one withdrawal does not block', () => {
    expect(avhoppBlockedUntil(['2026-03-01'], DEFAULT_LETTING_POLICY, '2026-03-02')).toBeUndefined();
  });

  test('the second within 12 months blocks for 6 months from the second', () => {
    const dates = ['2026-01-10', '2026-11-20'];
    expect(avhoppBlockedUntil(dates, DEFAULT_LETTING_POLICY, '2026-11-20')).toBe('2027-05-20');
    expect(avhoppBlockedUntil(dates, DEFAULT_LETTING_POLICY, '2027-05-19')).toBe('2027-05-20');
    expect(avhoppBlockedUntil(dates, DEFAULT_LETTING_POLICY, '2027-05-20')).toBeUndefined();
  });

  test('two withdrawals 12 months or more apart do not block', () => {
    expect(avhoppBlockedUntil(['2025-01-10', '2026-01-10'], DEFAULT_LETTING_POLICY, '2026-01-11')).toBeUndefined();
    expect(avhoppBlockedUntil(['2025-01-11', '2026-01-10'], DEFAULT_LETTING_POLICY, '2026-01-11')).toBe('2026-07-10');
  });

  test('a withdrawal after the date asked about does not count yet', () => {
    expect(avhoppBlockedUntil(['2026-01-10', '2026-06-01'], DEFAULT_LETTING_POLICY, '2026-05-01')).toBeUndefined();
  });

  test('the limit and the months are policy', () => {
    const stricter = { avhoppLimit: 1, avhoppWindowMonths: 12, avhoppBlockMonths: 3 };
    expect(avhoppBlockedUntil(['2026-01-31'], stricter, '2026-02-01')).toBe('2026-04-30');
    const three = { ...DEFAULT_LETTING_POLICY, avhoppLimit: 3 };
    expect(avhoppBlockedUntil(['2026-01-10', '2026-02-10'], three, '2026-03-01')).toBeUndefined();
    expect(avhoppBlockedUntil(['2026-01-10', '2026-02-10', '2026-03-01'], three, '2026-03-01')).toBe('2026-09-01');
  });
});
