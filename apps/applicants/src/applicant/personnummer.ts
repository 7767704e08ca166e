/**
 * Swedish personal identity number (personnummer) or coordination number
 * (samordningsnummer: day of month + 60). Accepts YYYYMMDD-NNNC, YYYYMMDDNNNC,
 * YYMMDD-NNNC (the separator '+' marks age 100 or more in the short form).
 */
export interface Personnummer {
  /** Canonical twelve digits, YYYYMMDDNNNC. */
  readonly value: string;
  readonly birthDate: string;
  readonly coordinationNumber: boolean;
}

export type PersonnummerProblem = 'format' | 'date' | 'checksum';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function fullYear(shortYear: string, separator: string, today: Date): number {
  const year = Number(shortYear);
  const currentYear = today.getUTCFullYear();
  let full = currentYear - ((((currentYear - year) % 100) + 100) % 100);
  if (separator === '+') full -= 100;
  return full;
}

export function parsePersonnummer(input: string, today: Date): Personnummer | PersonnummerProblem {
  const match = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/.exec(input.trim());
  if (!match) return 'format';
  const [, century, yy, mm, dd, separator, serial, check] = match;
  const year = century ? Number(century + yy) : fullYear(yy, separator, today);
  const rawDay = Number(dd);
  const coordinationNumber = rawDay > 60;
  const day = coordinationNumber ? rawDay - 60 : rawDay;
  const date = new Date(Date.UTC(year, Number(mm) - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== day || date > today) return 'date';
  if (!luhnValid(`${yy}${mm}${dd}${serial}${check}`)) return 'checksum';
  const birthDate = date.toISOString().slice(0, 10);
  return { value: `${String(year).padStart(4, '0')}${mm}${dd}${serial}${check}`, birthDate, coordinationNumber };
}
