import { InvalidRequest } from '@bostadsko/platform';
import { parsePersonnummer, type Personnummer } from './personnummer.js';

const PROBLEM = {
  format: 'personnummer is not a Swedish personal identity or coordination number',
  date: 'personnummer does not contain a real date of birth in the past',
  checksum: 'personnummer has a wrong check digit',
} as const;

/** Parses a personnummer from a request, or answers 400 naming the field and what is wrong with it. */
export function validPersonnummer(input: string, today: Date, field = 'personnummer'): Personnummer {
  const parsed = parsePersonnummer(input, today);
  if (typeof parsed !== 'string') return parsed;
  const message = PROBLEM[parsed].replace('personnummer', field);
  throw new InvalidRequest([{ field, messages: [message] }], message);
}
