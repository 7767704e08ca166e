import { formatDate, formatMoney } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { ChoiceField } from '../../views/components/choice-field.js';
import { TextAreaField } from '../../views/components/text-area-field.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { reasonText } from './fees.page.js';
import { RESOLUTIONS, type Discrepancy } from './fees.types.js';
import { StaffLayout } from './staff-layout.js';

interface Props {
  readonly view: View;
  readonly item: Discrepancy;
  readonly values?: Readonly<Record<string, string>>;
  readonly errors: readonly FieldMessage[];
}

/**
 * One discrepancy and the form that settles it. The applicants app decides which resolutions fit
 * (only money the agency holds is matched or refunded) and refuses the others at the field.
 */
export function ResolveDiscrepancyPage({ view, item, values = {}, errors }: Props): JSX.Element {
  const { t, locale } = view;
  const facts: [string, string][] = [
    [t('staff.discrepancies.what'), [messageFor(locale, `staff.discrepancies.kind.${item.kind}`) ?? item.kind, item.reason ? reasonText(locale, item.reason) : ''].filter(Boolean).join(' – ')],
    [t('fees.ocr'), item.reference ?? '–'],
    [t('staff.fees.amount'), item.amount === null ? '–' : formatMoney(item.amount, locale)],
    [t('staff.resolve.concerns'), item.discrepancyAmount === null ? '–' : formatMoney(item.discrepancyAmount, locale)],
    [t('staff.fees.paidOn'), item.paidOn ? formatDate(item.paidOn, locale) : '–'],
  ];
  return (
    <StaffLayout view={view} title={t('staff.resolve.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.resolve.title')}
      </h1>
      <p class="ds-paragraph">
        <a class="ds-link" href="/handlaggare/avgifter/avvikelser" safe>
          {t('staff.resolve.back')}
        </a>
      </p>
      <dl class="facts">
        {facts.map(([term, value]) => (
          <>
            <dt safe>{term}</dt>
            <dd safe>{value}</dd>
          </>
        ))}
      </dl>
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action="/handlaggare/avgifter/avvikelser/losa" class="stack" novalidate>
        <FormTokens view={view} />
        <input type="hidden" name="id" value={item.id} />
        <ChoiceField
          id="resolution"
          label={t('staff.resolve.resolution')}
          description={t('staff.resolve.resolutionHint')}
          options={RESOLUTIONS.map((resolution) => ({ value: resolution, label: t(`staff.resolution.${resolution}`) }))}
          value={values.resolution}
          errors={errors}
        />
        <TextField id="reference" label={t('staff.resolve.reference')} description={t('staff.resolve.referenceHint')} value={values.reference} errors={errors} inputmode="numeric" />
        <TextAreaField id="note" label={t('staff.resolve.note')} description={t('staff.resolve.noteHint')} value={values.note} errors={errors} />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('staff.resolve.submit')}
          </button>
        </div>
      </form>
    </StaffLayout>
  );
}
