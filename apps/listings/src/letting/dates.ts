export { addDays, stockholmDate, type IsoDate } from '../policy/calendar.js';
import type { IsoDate } from '../policy/calendar.js';

/** Whole years on `on`: a birthday on 29 February counts from 1 March in other years. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
