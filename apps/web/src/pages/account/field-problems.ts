import type { ApiRefusal } from '../../api/api-error.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import type { FieldMessage } from '../../views/components/form-errors.js';

/**
 * An API's refusal as messages at the form's fields, in the person's language.
 * A field error is shown by the field's own message (what a valid value looks like);
 * a refusal of the whole request by its problem code or type, else `fallback`.
 * `fields` maps the API's field names to the form's input ids where they differ.
 */
export function fieldProblems(refusal: ApiRefusal, locale: Locale, fallback: { field: string; key: string }, fields: Readonly<Record<string, string>> = {}): FieldMessage[] {
  const { problem } = refusal;
  if (problem.errors?.length) {
    return problem.errors.map((error) => {
      const field = fields[error.field] ?? error.field.replaceAll('.', '-');
      return { field, message: messageFor(locale, `field.${error.field}`) ?? messageFor(locale, 'field.invalid')! };
    });
  }
  const key = [problem.code, problem.type.split('/').pop()].find((candidate) => candidate && messageFor(locale, `problem.${candidate}`));
  return [{ field: fallback.field, message: messageFor(locale, key ? `problem.${key}` : fallback.key) ?? problem.detail }];
}
