import { formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { ChoiceField } from '../../views/components/choice-field.js';
import { TextAreaField } from '../../views/components/text-area-field.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { errorsFor, FORM_FIELDS, valuesFor, type RefusedForm } from './seeker-forms.js';
import { nameOf, type StaffNames } from './staff-names.js';
import type { CustomerCase } from './staff.types.js';

const CHANNELS = ['phone', 'visit', 'web'] as const;

interface CasesProps {
  readonly view: View;
  readonly applicantId: string;
  readonly cases: readonly CustomerCase[];
  /** Who answered, by name and role. */
  readonly names: StaffNames;
  readonly refused?: RefusedForm;
}

/** The seeker's customer cases: each with its answer, or a form to answer it; and a new case from a call or a visit. */
export function CasesSection({ view, applicantId, cases, names, refused }: CasesProps): JSX.Element {
  const { t, locale } = view;
  const f = FORM_FIELDS.case;
  const values = valuesFor(refused, 'case');
  const errors = errorsFor(refused, 'case');
  return (
    <section aria-labelledby="cases-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="cases-heading" safe>
        {t('staff.cases.title')}
      </h2>
      {cases.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.cases.none')}
        </p>
      ) : (
        cases.map((item) => {
          const answerId = `sv-${item.caseId}`;
          return (
            <article class="ds-card" aria-labelledby={`case-${item.caseId}`}>
              <h3 class="ds-heading" data-size="xs" id={`case-${item.caseId}`} safe>
                {item.subject}
              </h3>
              <p class="ds-paragraph" data-size="sm" safe>
                {t('staff.cases.meta', {
                  channel: messageFor(locale, `staff.channel.${item.channel}`) ?? item.channel,
                  when: formatDateTime(item.registeredAt, locale),
                  status: messageFor(locale, `staff.cases.status.${item.status}`) ?? item.status,
                })}
              </p>
              <p class="ds-paragraph" safe>
                {item.description}
              </p>
              {item.status === 'answered' ? (
                <p class="ds-paragraph" safe>
                  {t('staff.cases.answer', { answer: item.answer ?? '', when: item.answeredAt ? formatDateTime(item.answeredAt, locale) : '' })}
                  {item.answeredBy ? ` – ${nameOf(names, item.answeredBy)}` : ''}
                </p>
              ) : (
                <form method="post" action={`/handlaggare/sokande/${applicantId}/arenden/${item.caseId}/svar`} class="stack" novalidate>
                  <FormTokens view={view} />
                  <TextAreaField id={answerId} label={t('staff.cases.answerLabel')} value={valuesFor(refused, `answer-${item.caseId}`).answer} errors={errorsFor(refused, `answer-${item.caseId}`)} />
                  <div>
                    <button class="ds-button" data-variant="secondary" type="submit" safe>
                      {t('staff.cases.answerSubmit')}
                    </button>
                  </div>
                </form>
              )}
            </article>
          );
        })
      )}
      <form method="post" action={`/handlaggare/sokande/${applicantId}/arenden`} class="stack" novalidate>
        <h3 class="ds-heading" data-size="sm" safe>
          {t('staff.cases.new')}
        </h3>
        <FormTokens view={view} />
        <ChoiceField
          id={f.channel}
          label={t('staff.cases.channel')}
          options={CHANNELS.map((channel) => ({ value: channel, label: t(`staff.channel.${channel}`) }))}
          value={values.channel}
          errors={errors}
        />
        <TextField id={f.subject} label={t('staff.cases.subject')} value={values.subject} errors={errors} />
        <TextAreaField id={f.description} label={t('staff.cases.description')} value={values.description} errors={errors} />
        <div>
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('staff.cases.register')}
          </button>
        </div>
      </form>
    </section>
  );
}
