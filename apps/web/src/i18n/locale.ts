import { en } from './en.js';
import { sv, type Catalogue, type MessageKey } from './sv.js';

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { sv, en };

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/** A translator for one locale: `{name}` in a message is replaced by `values.name`. */
export function translator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, values) => {
    const message = catalogue[key];
    return values ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : message;
  };
}

/** A key looked up at run time (an API's code): undefined when the catalogue has no message for it. */
export function messageFor(locale: Locale, key: string): string | undefined {
  return Object.hasOwn(CATALOGUES[locale], key) ? CATALOGUES[locale][key as MessageKey] : undefined;
}
