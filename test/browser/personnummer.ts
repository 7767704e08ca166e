import { luhnCheckDigit } from '../../apps/landlords/src/organisation/organisation-number.js';

let serial = 100;

/** A fresh valid personnummer born on 15 June 1990 (Luhn over YYMMDDNNN), unique within the run. */
export function personnummer(): string {
  const birth = '19900615';
  const nnn = String(serial++).padStart(3, '0');
  return `${birth}-${nnn}${luhnCheckDigit(birth.slice(2) + nnn)}`;
}
