/**
 * The reports' period as the landlord chooses it in the form (`2026`, `2026-Q2`, `2026-05` or `range`
 * with two dates), turned into the first and last day the landlords app's reports take. Whether the
 * dates and their span are acceptable is that app's to judge; this only names the days.
 */
export const RANGE = 'range';

const lastDayOfMonth = (year: number, month: number): string => String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');

/** The days a named period covers; undefined for anything that is not one (a hand-edited address). */
export function periodDays(period: string): { from: string; to: string } | undefined {
  const year = /^(\d{4})$/.exec(period);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const last = first + 2;
    return { from: `${quarter[1]}-${String(first).padStart(2, '0')}-01`, to: `${quarter[1]}-${String(last).padStart(2, '0')}-${lastDayOfMonth(Number(quarter[1]), last)}` };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return { from: `${month[1]}-${month[2]}-01`, to: `${month[1]}-${month[2]}-${lastDayOfMonth(Number(month[1]), Number(month[2]))}` };
  return undefined;
}

/** The periods the form offers, newest first: for each of the last `years` years, the year, its quarters and its months. */
export function periodChoices(year: string, years = 3): string[] {
  const newest = Number(year);
  return Array.from({ length: years }, (_, i) => String(newest - i)).flatMap((y) => [
    y,
    ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`),
    ...Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`),
  ]);
}
