/** A report's time window: whole calendar dates, both ends included. */
export interface Period {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const PERIOD_PATTERN = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/;
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** `2025` (year), `2025-Q2` (quarter) or `2025-03` (month); undefined when not one of those. */
export function namedPeriod(value: string): Period | undefined {
  const match = PERIOD_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2]) {
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${lastDayOfMonth(year, first + 2)}`, label: value };
  }
  if (match[3]) {
    const month = Number(match[3]);
    return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${lastDayOfMonth(year, month)}`, label: value };
  }
  return { from: `${year}-01-01`, to: `${year}-12-31`, label: value };
}

export function customPeriod(from: string, to: string): Period {
  return { from, to, label: `${from}/${to}` };
}

/** Days since 1970-01-01 of a calendar date: the snapshot's time axis. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Year × 12 + month − 1 of a calendar date. */
export function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar months, quarters or years that cover the period, clipped to it. */
export function buckets(period: Period, granularity: Granularity): Period[] {
  const result: Period[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  if (granularity === 'quarter') month = Math.floor((month - 1) / 3) * 3 + 1;
  if (granularity === 'year') month = 1;
  const step = granularity === 'month' ? 1 : granularity === 'quarter' ? 3 : 12;
  for (;;) {
    const start = `${year}-${pad(month)}-01`;
    if (start > period.to) return result;
    const endMonth = month + step - 1;
    const end = `${year}-${pad(endMonth)}-${lastDayOfMonth(year, endMonth)}`;
    const label = granularity === 'month' ? `${year}-${pad(month)}` : granularity === 'quarter' ? `${year}-Q${(month - 1) / 3 + 1}` : `${year}`;
    result.push({ from: start < period.from ? period.from : start, to: end > period.to ? period.to : end, label });
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
}

/** The same calendar date twelve months earlier plus one day: the start of "the last 12 months" up to `date`. */
export function twelveMonthsBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), lastDayOfMonth(year, month));
  return dateOfDay(dayNumber(`${year}-${pad(month)}-${pad(day)}`) + 1);
}
