import { formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/sv.js';
import type { View } from '../../views/view.js';
import type { SavedSearch } from './saved-search.types.js';

const place = (name: string) => name.charAt(0).toLocaleUpperCase('sv-SE') + name.slice(1);

/** A saved search in words, e.g. "Majorna, Göteborg · 2–… rum · hyra …–9 000 kr · Vanlig". */
export function describeSearch(view: View, s: SavedSearch): string {
  const { t, locale } = view;
  const range = (key: MessageKey, from: number | string | null, to: number | string | null, format: (v: never) => string) =>
    from === null && to === null ? [] : [t(key, { from: from === null ? '…' : format(from as never), to: to === null ? '…' : format(to as never) })];
  const number = (v: number) => formatNumber(v, locale);
  const parts = [
    [s.district, s.municipality]
      .filter((p) => p !== null)
      .map(place)
      .join(', '),
    ...range('savedSearches.rooms', s.roomsMin, s.roomsMax, number),
    ...range('savedSearches.rent', s.rentMin, s.rentMax, (v: number) => formatMoney(v, locale)),
    ...range('savedSearches.area', s.areaMin, s.areaMax, number),
    ...range('savedSearches.moveIn', s.moveInFrom, s.moveInTo, (v: string) => formatDate(v, locale)),
    s.listTypes.map((type) => t(`listingType.${type}` as MessageKey)).join(', '),
  ].filter((p) => p !== '');
  return parts.length === 0 ? t('savedSearches.everything') : parts.join(' · ');
}
