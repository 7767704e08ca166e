/**
 * A Swedish organisation number (organisationsnummer): ten digits, NNNNNN-NNNN,
 * the third digit at least 2 (which tells it from a personnummer), and the last
 * digit a Luhn check over the first nine.
 */
export type OrganisationNumberProblem = 'format' | 'third-digit' | 'check-digit';

export function luhnCheckDigit(nineDigits: string): number {
  const sum = [...nineDigits].reduce((total, d, i) => {
    const doubled = i % 2 === 0 ? Number(d) * 2 : Number(d);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/** The number in its canonical NNNNNN-NNNN form, or why it is not one. */
export function parseOrganisationNumber(input: string): { value: string } | { problem: OrganisationNumberProblem } {
  const match = /^(\d{6})-?(\d{4})$/.exec(input.trim());
  if (!match) return { problem: 'format' };
  const digits = match[1] + match[2];
  if (Number(digits[2]) < 2) return { problem: 'third-digit' };
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { problem: 'check-digit' };
  return { value: `${match[1]}-${match[2]}` };
}

export const ORGANISATION_NUMBER_MESSAGES: Record<OrganisationNumberProblem, string> = {
  format: 'organisationNumber must be ten digits, NNNNNN-NNNN',
  'third-digit': 'organisationNumber must have a third digit of 2 or more (a personnummer is not an organisation number)',
  'check-digit': 'organisationNumber has a wrong check digit',
};
