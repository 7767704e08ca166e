import { formatDate } from '../../i18n/format.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { StaffLayout } from './staff-layout.js';

/** The training clock as every app reports it. */
export interface ClockView {
  readonly mode: 'training' | 'production';
  readonly businessDate: string;
  readonly offsetDays: number;
}

export const CLOCK_FIELDS = { days: 'klocka-dagar', to: 'klocka-till' } as const;

/** The business date and how far it runs ahead of the real one; in training, a form to move it forward by days or to a date. */
export function TrainingClockPage({ view, clock, form, errors }: { view: View; clock: ClockView; form: Readonly<Record<string, string>>; errors: readonly FieldMessage[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <StaffLayout view={view} title={t('staff.clock.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.clock.title')}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <dl class="facts">
        <dt safe>{t('staff.clock.businessDate')}</dt>
        <dd safe>{formatDate(clock.businessDate, locale)}</dd>
        <dt safe>{t('staff.clock.offset')}</dt>
        <dd safe>{t('staff.clock.days', { days: clock.offsetDays })}</dd>
      </dl>
      {clock.mode === 'production' ? (
        <p class="ds-paragraph" safe>
          {t('staff.clock.production')}
        </p>
      ) : (
        <form method="post" action="/handlaggare/ovningsklocka" class="stack" novalidate>
          <p class="ds-paragraph" safe>
            {t('staff.clock.intro')}
          </p>
          <FormTokens view={view} />
          <TextField id={CLOCK_FIELDS.days} label={t('staff.clock.daysLabel')} description={t('staff.clock.daysHint')} value={form.days} errors={errors} inputmode="numeric" />
          <TextField id={CLOCK_FIELDS.to} label={t('staff.clock.toLabel')} description={t('staff.clock.toHint')} value={form.to} errors={errors} inputmode="numeric" />
          <div>
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('staff.clock.submit')}
            </button>
          </div>
        </form>
      )}
    </StaffLayout>
  );
}
