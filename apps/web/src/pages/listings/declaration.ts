import type { Declaration } from './apply.page.js';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** "360 000" is how a Swede writes a number; anything else goes to the API as typed, for it to name the field. */
function amount(value: string | undefined): number | string {
  const compact = (value ?? '').replace(/[\s\u00a0]/g, '');
  return /^\d{1,12}$/.test(compact) ? Number(compact) : compact;
}

export function declarationOf(body: Readonly<Record<string, unknown>>): Declaration {
  return {
    householdSize: text(body.householdSize),
    taxableIncome: text(body.taxableIncome),
    nonTaxableIncome: text(body.nonTaxableIncome),
    hasPaymentRemarks: text(body.hasPaymentRemarks) === 'yes' ? 'yes' : 'no',
  };
}

/** The declaration as the listings API takes it, in the apply body and the eligibility query alike. */
export function declarationFields(form: Declaration) {
  return {
    householdSize: amount(form.householdSize),
    taxableIncome: amount(form.taxableIncome),
    nonTaxableIncome: amount(form.nonTaxableIncome || '0'),
    hasPaymentRemarks: form.hasPaymentRemarks === 'yes',
  };
}
