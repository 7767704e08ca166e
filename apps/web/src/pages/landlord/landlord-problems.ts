import type { ApiRefusal } from '../../api/api-error.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import type { FieldMessage } from '../../views/components/form-errors.js';

/**
 * The reasons the listings app gives for a field in English, as keys of the catalogue, so the
 * landlord reads the rule in their own language: "at most 60 days after publication" says how far.
 */
const RULES: readonly { readonly pattern: RegExp; readonly key: string }[] = [
  { pattern: /^must be today or later$/, key: 'landlord.rule.notBeforeToday' },
  { pattern: /^at most (?<days>\d+) days after publication$/, key: 'landlord.rule.deadlineTooFar' },
  { pattern: /^must be after the application deadline$/, key: 'landlord.rule.moveInAfterDeadline' },
  { pattern: /^must not be below minAge$/, key: 'landlord.rule.maxAgeBelowMinAge' },
];

function ruleMessage(locale: Locale, messages: readonly string[]): string | undefined {
  for (const text of messages) {
    for (const rule of RULES) {
      const match = rule.pattern.exec(text);
      const message = match && messageFor(locale, rule.key);
      if (message) return message.replace(/\{(\w+)\}/g, (whole, name: string) => match.groups?.[name] ?? whole);
    }
  }
  return undefined;
}

/**
 * An API's refusal of a landlord's form as messages at its fields: a rule the app named, else what a
 * valid value of that field looks like (`landlord.field.<name>`); a refusal of the whole request by its
 * code (`landlord.problem.<code>`, `problem.<code>`), else `fallback`. Nested fields become `a-b` ids.
 */
export function landlordProblems(refusal: ApiRefusal, locale: Locale, fallback: { field: string; key: string }): FieldMessage[] {
  const { problem } = refusal;
  if (problem.errors?.length) {
    return problem.errors.map((error) => ({
      field: error.field.replaceAll('.', '-'),
      message: ruleMessage(locale, error.messages) ?? messageFor(locale, `landlord.field.${error.field}`) ?? messageFor(locale, 'field.invalid')!,
    }));
  }
  const code = [problem.code, problem.type.split('/').pop()].filter((candidate): candidate is string => typeof candidate === 'string' && candidate !== '');
  const message = code.flatMap((candidate) => [messageFor(locale, `landlord.problem.${candidate}`), messageFor(locale, `problem.${candidate}`)]).find(Boolean);
  return [{ field: fallback.field, message: message ?? messageFor(locale, fallback.key) ?? problem.detail }];
}
