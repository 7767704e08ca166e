import type { PropsWithChildren } from '@kitajs/html';
import type { MessageKey } from '../../i18n/sv.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import { messageAt, type FieldMessage } from '../../views/components/form-errors.js';
import type { View } from '../../views/view.js';
import type { Places } from './open-data.js';
import { GRANULARITIES, periodChoices, type StatisticsQuery } from './statistics-query.js';
import { periodText } from './report-text.js';

interface ReportFormProps {
  readonly view: View;
  readonly action: string;
  readonly query: StatisticsQuery;
  readonly year: string;
  readonly places: Places;
  readonly errors: readonly FieldMessage[];
  /** The time series also chooses its points: month, quarter or year. */
  readonly withGranularity?: boolean;
}

/** A GET form, so a report is a link; lists only what the open data offers, so a choice cannot be refused. */
export function ReportForm({ view, action, query, year, places, errors, withGranularity }: ReportFormProps): JSX.Element {
  const { t, locale } = view;
  const periods = periodChoices(year);
  // A hand-written period (a month, an older year) stays chosen rather than silently changing.
  if (!periods.includes(query.period)) periods.unshift(query.period);
  return (
    <>
      <ErrorSummary view={view} errors={errors} />
      <form method="get" action={action} aria-label={t('statistics.form.label')}>
        <div class="filters">
          <Select id="period" label={t('statistics.form.period')} errors={errors}>
            {periods.map((period) => (
              <option value={period} selected={query.period === period} safe>
                {/^\d{4}$/.test(period) ? t('statistics.period.year', { year: period }) : periodText(period, t, locale)}
              </option>
            ))}
          </Select>
          <Select id="municipality" label={t('statistics.form.municipality')} errors={errors}>
            <option value="" safe>
              {t('statistics.form.allMunicipalities')}
            </option>
            {places.municipalities.map(({ name }) => (
              <option value={name} selected={query.municipality === name} safe>
                {name}
              </option>
            ))}
          </Select>
          {withGranularity && (
            <Select id="granularity" label={t('statistics.form.granularity')} errors={errors}>
              {GRANULARITIES.map((granularity) => (
                <option value={granularity} selected={(query.granularity ?? 'month') === granularity} safe>
                  {t(`statistics.form.granularity.${granularity}` as MessageKey)}
                </option>
              ))}
            </Select>
          )}
          <div>
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('statistics.form.submit')}
            </button>
          </div>
        </div>
      </form>
    </>
  );
}

interface SelectProps {
  readonly id: string;
  readonly label: string;
  readonly errors: readonly FieldMessage[];
}

function Select({ id, label, errors, children }: PropsWithChildren<SelectProps>): JSX.Element {
  const message = messageAt(errors, id);
  return (
    <div class="ds-field">
      <label class="ds-label" for={id} safe>
        {label}
      </label>
      <select class="ds-input" id={id} name={id} aria-invalid={message ? 'true' : undefined} aria-describedby={message ? `${id}-error` : undefined}>
        {children}
      </select>
      {message && (
        <div class="ds-validation-message" data-field="validation" id={`${id}-error`} safe>
          {message}
        </div>
      )}
    </div>
  );
}
