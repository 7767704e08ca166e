import { stockholmDate } from './calendar.js';

describe('stockholmDate', () => {
  it('turns at Stockholm midnight, in winter (UTC+1) and summer (UTC+2) time, also right after an instant of the same hour', () => {
    const dates = ['2026-01-15T22:30:00Z', '2026-01-15T22:59:59.999Z', '2026-01-15T23:00:00Z', '2026-06-01T21:59:59.999Z', '2026-06-01T22:00:00Z', '2026-06-01T22:10:00Z'];
    expect(dates.map((d) => stockholmDate(new Date(d)))).toEqual(['2026-01-15', '2026-01-15', '2026-01-16', '2026-06-01', '2026-06-02', '2026-06-02']);
  });

  it('follows the change to summer time (29 March 2026, 01:00 UTC) and back (25 October 2026, 01:00 UTC)', () => {
    expect(stockholmDate(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(stockholmDate(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(stockholmDate(new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(stockholmDate(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(stockholmDate(new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(stockholmDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(stockholmDate(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(stockholmDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('refuses an invalid date', () => {
    expect(() => stockholmDate(new Date('not a date'))).toThrow(RangeError);
  });
});
