import { addDays, type IsoDate } from './calendar.js';

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The weekdays Swedish banks do not settle payments: the public holidays that can fall on a
 * weekday, and midsummer, Christmas and New Year's eves, which banks keep closed though they
 * are not public holidays. The Sunday and Saturday holidays (påskdagen, pingstdagen,
 * midsommardagen, alla helgons dag) are weekends anyway. Since 2005 (national day in place of
 * annandag pingst).
 */
export function swedishBankHolidays(year: number): IsoDate[] {
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  // Midsommarafton: the Friday between 19 and 25 June.
  const june19 = new Date(Date.UTC(year, 5, 19)).getUTCDay();
  const midsummerEve = addDays(`${y}-06-19`, (5 - june19 + 7) % 7);
  return [
    `${y}-01-01`,
    `${y}-01-06`,
    addDays(easter, -2),
    addDays(easter, 1),
    `${y}-05-01`,
    addDays(easter, 39),
    `${y}-06-06`,
    midsummerEve,
    `${y}-12-24`,
    `${y}-12-25`,
    `${y}-12-26`,
    `${y}-12-31`,
  ].sort();
}

const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

function holidaysIn(year: number): ReadonlySet<IsoDate> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = new Set(swedishBankHolidays(year));
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

export function isSwedishBankingDay(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysIn(Number(date.slice(0, 4))).has(date);
}

/** The `days`-th banking day after `date` (the date itself not counted); 0 is `date` itself. */
export function addBankingDays(date: IsoDate, days: number): IsoDate {
  let day = date;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (isSwedishBankingDay(day)) left--;
  }
  return day;
}
