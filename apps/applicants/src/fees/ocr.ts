/**
 * Swedish OCR payment references (Bankgirot "OCR-nummer" with length digit):
 * the number, then a length digit (the total number of digits, including both
 * control digits, modulo 10), then a Luhn (mod 10) check digit over everything
 * before it. The length digit catches dropped or repeated digits that the Luhn
 * sum alone would miss. Bankgirot allows up to 25 digits; ours have at least 3
 * (one digit of number and the two control digits).
 */
const OCR_MAX_LENGTH = 25;

export type OcrProblem = 'format' | 'length-digit' | 'check-digit';

/** Luhn check digit for a digit string: double every second digit from the right. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}

/** The OCR reference for a positive whole number, e.g. 100001 → 10000180. */
export function ocrFromNumber(value: bigint | number): string {
  const base = BigInt(value);
  if (base <= 0n) throw new RangeError('An OCR reference is made from a positive whole number');
  const digits = base.toString();
  if (digits.length + 2 > OCR_MAX_LENGTH) throw new RangeError(`An OCR reference has at most ${OCR_MAX_LENGTH} digits`);
  const withLength = digits + String((digits.length + 2) % 10);
  return withLength + String(luhnCheckDigit(withLength));
}

/** Why a reference is not a valid OCR number, or undefined when it is. */
export function ocrProblem(reference: string): OcrProblem | undefined {
  if (!/^\d{3,25}$/.test(reference)) return 'format';
  if (Number(reference[reference.length - 2]) !== reference.length % 10) return 'length-digit';
  if (Number(reference[reference.length - 1]) !== luhnCheckDigit(reference.slice(0, -1))) return 'check-digit';
  return undefined;
}

export const isValidOcr = (reference: string): boolean => ocrProblem(reference) === undefined;

export const OCR_PROBLEM_MESSAGES: Record<OcrProblem, string> = {
  format: 'reference must be an OCR number of 3 to 25 digits',
  'length-digit': 'reference has a wrong length digit',
  'check-digit': 'reference has a wrong check digit',
};
