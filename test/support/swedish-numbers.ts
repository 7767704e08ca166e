import { randomInt } from 'node:crypto';
import { luhnCheckDigit } from '../../apps/landlords/src/organisation/organisation-number.js';

/** A valid personnummer (Luhn over YYMMDDNNN) for a birth date YYYYMMDD and a three-digit serial. */
export const personnummer = (birth: string, serial: string) => `${birth}-${serial}${luhnCheckDigit(birth.slice(2) + serial)}`;

/** A random valid organisationsnummer of an aktiebolag (556…), so test files never collide. */
export function organisationNumber(): string {
  const nine = `556${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}
