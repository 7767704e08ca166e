import type { Locale } from './locale.js';

// Business dates are calendar dates in Europe/Stockholm; the APIs send them as YYYY-MM-DD.
const TIME_ZONE = 'Europe/Stockholm';
const TAG: Readonly<Record<Locale, string>> = { sv: 'sv-SE', en: 'en-GB' };

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const moneyFormats = new Map<Locale, Intl.NumberFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function cached<F>(cache: Map<Locale, F>, locale: Locale, make: () => F): F {
  let format = cache.get(locale);
  if (!format) cache.set(locale, (format = make()));
  return format;
}

/** `2026-12-18` → `18 december 2026`; a timestamp is shown as its Stockholm date. */
export function formatDate(value: string, locale: Locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(dateFormats, locale, () => new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'long', timeZone: TIME_ZONE })).format(date);
}

/** A timestamp as Stockholm date and time, e.g. `4 december 2026 19:42`. */
export function formatDateTime(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(dateTimeFormats, locale, () => new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE })).format(date);
}

/** Whole kronor as Swedes write them in both languages: `11 200 kr`. */
export function formatMoney(kronor: number, locale: Locale): string {
  return cached(
    moneyFormats,
    locale,
    () => new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0, currencyDisplay: locale === 'sv' ? 'symbol' : 'code' }),
  ).format(kronor);
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: 1 })).format(value);
}

const monthFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A calendar month `2025-04` → `april 2025` (`April 2025` in English). */
export function formatMonth(value: string, locale: Locale): string {
  const date = new Date(`${value}-15T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return cached(monthFormats, locale, () => new Intl.DateTimeFormat(TAG[locale], { month: 'long', year: 'numeric', timeZone: TIME_ZONE })).format(date);
}
