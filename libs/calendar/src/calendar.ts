const formatter = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** An ISO calendar date, YYYY-MM-DD. Business dates are Stockholm dates. */
export type IsoDate = string;

const HOUR_MS = 3_600_000;
let formattedHour = NaN;
let formattedDate: IsoDate = '';

/**
 * 23:30 UTC on 31 December is already New Year in Sweden. Stockholm's offset is
 * whole hours and changes on the hour, so every instant of one UTC hour has the
 * same date: the last hour's date is kept, as formatting costs microseconds and
 * every command asks for today.
 */
export function stockholmDate(instant: Date): IsoDate {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  if (hour !== formattedHour) {
    formattedDate = formatter.format(instant);
    formattedHour = hour;
  }
  return formattedDate;
}

const DAY_MS = 86_400_000;
const toUtc = (date: IsoDate) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; calendar dates, so no DST hour can make a day 23 or 25 hours. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Calendar months later; a day that does not exist in the target month falls on its last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The date's anniversary in `year`. 29 February falls on 28 February in other years,
 * so the fee is never due later than a year after the previous one.
 */
export function anniversaryIn(date: IsoDate, year: number): IsoDate {
  const monthDay = date.slice(5);
  const day = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(toUtc(value)).toISOString().slice(0, 10) === value;
}

/** Age in whole years on `on`: a birthday on 29 February counts from 1 March in other years. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
