import type { ApiRefusal } from '../../api/api-error.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import type { FieldMessage } from '../../views/components/form-errors.js';

/**
 * An API's refusal of a back-office form as messages at its fields: what a valid value of the field
 * looks like (`staff.field.<name>`) with the app's own reason after it, so a case officer sees the rule
 * the app applied; a refusal of the whole request by its code (`staff.problem.<code>`), again with the
 * app's own words, at `fallback`. `fields` maps the API's field names to the form's ids; a
 * `scope` names a form whose fields mean something else than elsewhere (`staff.field.<scope>.<name>` first).
 */
export function staffProblems(refusal: ApiRefusal, locale: Locale, fallback: string, fields: Readonly<Record<string, string>> = {}, scope?: string): FieldMessage[] {
  const { problem } = refusal;
  if (problem.errors?.length) {
    return problem.errors.map((error) => {
      const ours = (scope && messageFor(locale, `staff.field.${scope}.${error.field}`)) || (messageFor(locale, `staff.field.${error.field}`) ?? messageFor(locale, 'field.invalid')!);
      return { field: fields[error.field] ?? error.field, message: `${ours} (${error.messages.join('; ')})` };
    });
  }
  const codes = [problem.code, problem.type.split('/').pop()].filter((code): code is string => typeof code === 'string' && code !== '');
  const message = codes.map((code) => messageFor(locale, `staff.problem.${code}`)).find(Boolean);
  return [{ field: fallback, message: message ? `${message} (${problem.detail})` : problem.detail }];
}
