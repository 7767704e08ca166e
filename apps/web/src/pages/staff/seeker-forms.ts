import type { FieldMessage } from '../../views/components/form-errors.js';

/** The seeker page's forms: the one refused is shown again with its values and the app's reasons at its fields. */
export type SeekerFormName = 'decision' | 'transfer' | 'case' | `answer-${string}` | `thread-${string}`;

export interface RefusedForm<N extends string = SeekerFormName> {
  readonly name: N;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldMessage[];
}

/** Each form's fields: the form's id on the page for each field the applicants app names in a refusal. */
export const FORM_FIELDS = {
  decision: { caseId: 'kb-arende', reason: 'kb-skal', queueStartDate: 'kb-kostart', effectiveFrom: 'kb-fran', explanation: 'kb-motivering' },
  transfer: { caseId: 'ov-arende', fromApplicantId: 'ov-givare', explanation: 'ov-motivering' },
  case: { channel: 'ar-kanal', subject: 'ar-rubrik', description: 'ar-beskrivning' },
} as const;

/** The values of a form's fields as posted, by the API's names; an empty field is left out so the app names it missing. */
export function postedValues(body: Record<string, unknown>, fields: Readonly<Record<string, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, id] of Object.entries(fields)) {
    const value = body[id];
    if (typeof value === 'string' && value.trim() !== '') values[name] = value.trim();
  }
  return values;
}

export const valuesFor = <N extends string>(form: RefusedForm<N> | undefined, name: N): Readonly<Record<string, string>> => (form?.name === name ? form.values : {});
export const errorsFor = <N extends string>(form: RefusedForm<N> | undefined, name: N): readonly FieldMessage[] => (form?.name === name ? form.errors : []);
