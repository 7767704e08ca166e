import { addBankingDays, easterSunday, isSwedishBankingDay, swedishBankHolidays } from './banking-days.js';

describe('Swedish banking days', () => {
  test.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  // Worked out by hand from the rules (fixed dates, Easter Sunday ±, midsummer's Friday); not checked against a published bank calendar.
  test.each([
    [2025, ['2025-01-01', '2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-06', '2025-06-20', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31']],
    [2026, ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-06-06', '2026-06-19', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31']],
    [2027, ['2027-01-01', '2027-01-06', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-06-06', '2027-06-25', '2027-12-24', '2027-12-25', '2027-12-26', '2027-12-31']],
  ])('the bank holidays of %i', (year, holidays) => {
    expect(swedishBankHolidays(year)).toEqual(holidays);
  });

  test('weekends and bank holidays are not banking days; an ordinary weekday is', () => {
    expect(['2026-04-03', '2026-04-06', '2026-06-19', '2026-04-04', '2026-04-05'].map(isSwedishBankingDay)).toEqual([false, false, false, false, false]);
    expect(['2026-04-02', '2026-04-07', '2026-06-18', '2026-06-22'].map(isSwedishBankingDay)).toEqual([true, true, true, true]);
  });

  test('counting banking days skips weekends and holidays: from Maundy Thursday 2026 the third is the Thursday after Easter', () => {
    expect(addBankingDays('2026-04-02', 0)).toBe('2026-04-02');
    expect(addBankingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addBankingDays('2026-04-02', 3)).toBe('2026-04-09');
    // An ordinary week: Monday plus three is Thursday; Friday plus one is Monday.
    expect(addBankingDays('2026-03-02', 3)).toBe('2026-03-05');
    expect(addBankingDays('2026-03-06', 1)).toBe('2026-03-09');
    // Christmas to New Year 2025: 23 Dec (Tue), then 29 and 30 Dec, then 2 Jan 2026.
    expect(addBankingDays('2025-12-23', 3)).toBe('2026-01-02');
  });
});
