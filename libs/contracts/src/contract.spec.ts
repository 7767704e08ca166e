import { is } from './contract.js';

describe('contract field checks', () => {
  test('dates are real calendar dates, not whatever Date.parse rolls over', () => {
    expect(is.isoDate('2028-02-29')).toBe(true);
    expect(is.isoDate('2026-02-30')).toBe(false);
    expect(is.isoDate('2026-13-01')).toBe(false);
    expect(is.isoDate('2026-2-3')).toBe(false);
  });

  test('instants carry a real calendar date', () => {
    expect(is.isoInstant('2026-05-20T08:00:00.000Z')).toBe(true);
    expect(is.isoInstant('2026-02-30T08:00:00.000Z')).toBe(false);
    expect(is.isoInstant('yesterday')).toBe(false);
  });
});
