import { periodChoices, periodDays } from './report-period.js';

describe('the reports’ period', () => {
  it('names the first and last day of a year, a quarter and a month, leap years included', () => {
    expect(periodDays('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDays('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodDays('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDays('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('is nothing for what is not a period, so the form says so at its field', () => {
    for (const period of ['', 'range', '2026-Q5', '2026-13', '26', '2026-1', '2026-01-01']) expect(periodDays(period)).toBeUndefined();
  });

  it('offers each year, its quarters and its months, newest year first', () => {
    const choices = periodChoices('2026', 2);
    expect(choices).toHaveLength(34);
    expect(choices.slice(0, 6)).toEqual(['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-01']);
    expect(choices[17]).toBe('2025');
    for (const choice of choices) expect(periodDays(choice)).toBeDefined();
  });
});
