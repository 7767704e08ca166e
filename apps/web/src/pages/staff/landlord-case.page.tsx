import { formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { TextAreaField } from '../../views/components/text-area-field.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import type { View } from '../../views/view.js';
import type { LandlordCase } from './cases.types.js';
import { StaffLayout } from './staff-layout.js';

/** What each step of a landlord case says, whichever side wrote it. */
const textOf = (data: Readonly<Record<string, unknown>>): string => {
  const text = data.description ?? data.text ?? data.answer ?? data.resolution;
  return typeof text === 'string' ? text : '';
};

interface LandlordCaseProps {
  readonly view: View;
  readonly item: LandlordCase;
  readonly refused?: { readonly form: 'answer' | 'close'; readonly text: string; readonly errors: readonly FieldMessage[] };
}

/** A landlord's case for staff: its whole history, an answer, and closing it with a resolution. */
export function LandlordCasePage({ view, item, refused }: LandlordCaseProps): JSX.Element {
  const { t, locale } = view;
  const base = `/handlaggare/arenden/hyresvard/${item.landlordId}/${item.caseId}`;
  return (
    <StaffLayout view={view} title={item.subject}>
      <h1 class="ds-heading" data-size="lg" safe>
        {item.subject}
      </h1>
      <p class="ds-paragraph" safe>
        {`${messageFor(locale, `staff.category.${item.category}`) ?? item.category}. ${messageFor(locale, `staff.cases.status.${item.status}`) ?? item.status}.`}
      </p>
      <ErrorSummary view={view} errors={refused?.errors ?? []} />
      <ol class="ds-list">
        {item.history.map((step) => (
          <li>
            <p class="ds-paragraph" data-size="sm" safe>
              {`${formatDateTime(step.at, locale)}: ${messageFor(locale, `staff.event.${step.type}`) ?? step.type}`}
            </p>
            <p class="ds-paragraph" safe>
              {textOf(step.data)}
            </p>
          </li>
        ))}
      </ol>
      {item.status !== 'closed' && (
        <>
          <form method="post" action={`${base}/svar`} class="stack" novalidate>
            <FormTokens view={view} />
            <TextAreaField id="svar" label={t('staff.cases.answerLabel')} value={refused?.form === 'answer' ? refused.text : undefined} errors={refused?.form === 'answer' ? refused.errors : []} />
            <div>
              <button class="ds-button" data-variant="primary" type="submit" safe>
                {t('staff.inbox.answer')}
              </button>
            </div>
          </form>
          <form method="post" action={`${base}/stang`} class="stack" novalidate>
            <FormTokens view={view} />
            <TextAreaField id="losning" label={t('staff.inbox.resolution')} value={refused?.form === 'close' ? refused.text : undefined} errors={refused?.form === 'close' ? refused.errors : []} />
            <div>
              <button class="ds-button" data-variant="secondary" type="submit" safe>
                {t('staff.inbox.close')}
              </button>
            </div>
          </form>
        </>
      )}
    </StaffLayout>
  );
}
