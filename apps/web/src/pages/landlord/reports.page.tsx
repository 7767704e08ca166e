import { formatDate, formatMonth, formatNumber } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import { messageAt, type FieldMessage } from '../../views/components/form-errors.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { ChartedTable, type Column } from './charted-table.js';
import { LandlordLayout } from './landlord-layout.js';
import { periodChoices, RANGE } from './report-period.js';
import type { LettingReport, Spread, VacancyReport } from './reports.types.js';

/** What the form holds: the period as chosen, the range's dates as typed, the vacancy date. */
export interface ReportsForm {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly on: string;
}

interface ReportsPageProps {
  readonly view: View;
  readonly form: ReportsForm;
  readonly year: string;
  /** Absent when the landlords app refused the period or the date; `errors` then says why. */
  readonly letting?: LettingReport;
  readonly vacancy?: VacancyReport;
  readonly errors: readonly FieldMessage[];
}

/** A listing type in words, or as the API named it when the catalogue has no word for it yet. */
const typeName = (view: View, type: string): string => messageFor(view.locale, `listingType.${type}`) ?? type;

const days = (view: View, value: number | null): string => (value === null ? '–' : view.t('landlord.reports.days', { days: formatNumber(value, view.locale) }));
const count = (view: View, value: number | null): string => (value === null ? '–' : formatNumber(value, view.locale));

/** A period as words: `2026`, `andra kvartalet 2026`, `maj 2026`, or the range's two dates. */
function periodText(view: View, form: ReportsForm, report?: LettingReport): string {
  const { t, locale } = view;
  if (/^\d{4}$/.test(form.period)) return t('landlord.reports.period.year', { year: form.period });
  const quarter = /^(\d{4})-Q([1-4])$/.exec(form.period);
  if (quarter) return t('landlord.reports.period.quarter', { quarter: quarter[2], year: quarter[1] });
  if (/^\d{4}-\d{2}$/.test(form.period)) return formatMonth(form.period, locale);
  return report ? t('landlord.reports.period.range', { from: formatDate(report.from, locale), to: formatDate(report.to, locale) }) : '';
}

/** The landlord's own reports: lettings in a period and vacancies on a date, each as a chart, a table and a CSV file. */
export function ReportsPage({ view, form, year, letting, vacancy, errors }: ReportsPageProps): JSX.Element {
  const { t } = view;
  return (
    <LandlordLayout view={view} title={t('landlord.reports.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('landlord.reports.title')}
      </h1>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('landlord.reports.intro')}
      </p>
      <ErrorSummary view={view} errors={errors} />
      <PeriodForm view={view} form={form} year={year} errors={errors} />
      {letting && <Lettings view={view} form={form} report={letting} />}
      {vacancy && <Vacancies view={view} report={vacancy} />}
    </LandlordLayout>
  );
}

/** A GET form, so a report is a link and works without script; the range's dates count only when "range" is chosen. */
function PeriodForm({ view, form, year, errors }: { view: View; form: ReportsForm; year: string; errors: readonly FieldMessage[] }): JSX.Element {
  const { t } = view;
  const choices = periodChoices(year);
  const periodError = messageAt(errors, 'period');
  return (
    <form method="get" action="/hyresvard/rapporter" aria-label={t('landlord.reports.form.label')} class="stack">
      <div class="filters">
        <div class="ds-field">
          <label class="ds-label" for="period" safe>
            {t('landlord.reports.form.period')}
          </label>
          <div data-field="description" id="period-description" safe>
            {t('landlord.reports.form.rangeHint')}
          </div>
          <select class="ds-input" id="period" name="period" aria-invalid={periodError ? 'true' : undefined} aria-describedby={periodError ? 'period-description period-error' : 'period-description'}>
            <option value={RANGE} selected={form.period === RANGE} safe>
              {t('landlord.reports.form.range')}
            </option>
            {choices.map((choice) => (
              <option value={choice} selected={form.period === choice} safe>
                {periodText(view, { ...form, period: choice })}
              </option>
            ))}
          </select>
          {periodError && (
            <div class="ds-validation-message" data-field="validation" id="period-error" safe>
              {periodError}
            </div>
          )}
        </div>
        <TextField id="from" type="date" label={t('landlord.reports.form.from')} value={form.from} errors={errors} />
        <TextField id="to" type="date" label={t('landlord.reports.form.to')} value={form.to} errors={errors} />
        <TextField id="on" type="date" label={t('landlord.reports.form.on')} description={t('landlord.reports.form.onHint')} value={form.on} errors={errors} />
      </div>
      <div>
        <button class="ds-button" data-variant="primary" type="submit" safe>
          {t('landlord.reports.form.submit')}
        </button>
      </div>
    </form>
  );
}

function Lettings({ view, form, report }: { view: View; form: ReportsForm; report: LettingReport }): JSX.Element {
  const { t, locale } = view;
  const period = periodText(view, form, report);
  const csv = `/hyresvard/rapporter/uthyrningar.csv?${new URLSearchParams({ from: report.from, to: report.to }).toString()}`;
  return (
    <section aria-labelledby="lettings-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="lettings-heading" safe>
        {t('landlord.reports.lettings.title', { period })}
      </h2>
      <dl class="facts">
        <Fact term={t('landlord.reports.lettings.flatsLet')} value={count(view, report.flatsLet)} />
        <Fact term={t('landlord.reports.lettings.daysToLet')} value={spreadText(view, report.daysToLet)} />
        <Fact term={t('landlord.reports.lettings.applicationsPerLet')} value={spreadText(view, report.applicationsPerListing, false)} />
        <Fact term={t('landlord.reports.lettings.published')} value={count(view, report.listingsPublished)} />
        <Fact term={t('landlord.reports.lettings.applicationsPerPublished')} value={count(view, report.meanApplicationsPerPublishedListing)} />
      </dl>
      {report.flatsLet === 0 ? (
        <p class="ds-paragraph" role="status" safe>
          {t('landlord.reports.lettings.none')}
        </p>
      ) : (
        <>
          <h3 class="ds-heading" data-size="sm" id="by-type-heading" safe>
            {t('landlord.reports.lettings.byType')}
          </h3>
          <ChartedTable
            view={view}
            id="by-type-table"
            chartTitle={t('landlord.reports.lettings.chart', { period })}
            caption={t('landlord.reports.lettings.byTypeCaption', { period })}
            rows={report.byListingType}
            bar={(row) => ({ label: typeName(view, row.listingType), value: row.flatsLet })}
            columns={[
              { heading: t('landlord.reports.type'), text: (row) => typeName(view, row.listingType), rowHeader: true },
              { heading: t('landlord.reports.lettings.flatsLet'), text: (row) => formatNumber(row.flatsLet, locale) },
              { heading: t('landlord.reports.lettings.medianDays'), text: (row) => days(view, row.daysToLet.median) },
              { heading: t('landlord.reports.lettings.meanApplications'), text: (row) => count(view, row.applicationsPerListing.mean) },
            ]}
          />
          <h3 class="ds-heading" data-size="sm" safe>
            {t('landlord.reports.lettings.each')}
          </h3>
          <ChartedTable
            view={view}
            id="lettings-table"
            chartTitle={t('landlord.reports.lettings.daysChart', { period })}
            caption={t('landlord.reports.lettings.eachCaption', { count: report.lettings.length })}
            rows={report.lettings}
            bar={(row) => ({ label: flatName(view, row), value: row.daysToLet })}
            columns={[
              flatColumn(view),
              typeColumn(view),
              publishedColumn(view),
              { heading: t('landlord.reports.lettings.letOn'), text: (row) => formatDate(row.letOn, locale) },
              { heading: t('landlord.reports.lettings.daysToLetColumn'), text: (row) => formatNumber(row.daysToLet, locale) },
              { heading: t('landlord.reports.applications'), text: (row) => count(view, row.applications) },
            ]}
          />
        </>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={csv} download="" safe>
          {t('landlord.reports.lettings.csv')}
        </a>
      </p>
    </section>
  );
}

function Vacancies({ view, report }: { view: View; report: VacancyReport }): JSX.Element {
  const { t, locale } = view;
  const on = formatDate(report.on, locale);
  const csv = `/hyresvard/rapporter/vakanser.csv?${new URLSearchParams({ on: report.on }).toString()}`;
  return (
    <section aria-labelledby="vacancies-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="vacancies-heading" safe>
        {t('landlord.reports.vacancies.title', { on })}
      </h2>
      <dl class="facts">
        <Fact term={t('landlord.reports.vacancies.vacant')} value={count(view, report.vacant)} />
        <Fact term={t('landlord.reports.vacancies.daysVacant')} value={spreadText(view, report.daysVacant)} />
      </dl>
      {report.vacant === 0 ? (
        <p class="ds-paragraph" role="status" safe>
          {t('landlord.reports.vacancies.none')}
        </p>
      ) : (
        <>
          <ChartedTable
            view={view}
            id="vacancies-table"
            chartTitle={t('landlord.reports.vacancies.chart', { on })}
            caption={t('landlord.reports.vacancies.caption', { count: report.vacant, on })}
            rows={report.listings}
            bar={(row) => ({ label: flatName(view, row), value: row.daysVacant })}
            columns={[
              flatColumn(view),
              typeColumn(view),
              publishedColumn(view),
              { heading: t('landlord.reports.vacancies.daysVacantColumn'), text: (row) => formatNumber(row.daysVacant, locale) },
              {
                heading: t('landlord.reports.applications'),
                text: (row) => (row.applications === null ? t('landlord.listings.countedAtDeadline') : formatNumber(row.applications, locale)),
              },
            ]}
          />
        </>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={csv} download="" safe>
          {t('landlord.reports.vacancies.csv')}
        </a>
      </p>
    </section>
  );
}

/** Median, and the range from least to most: "12 dagar (median), 3–40 dagar". */
function spreadText(view: View, spread: Spread, inDays = true): string {
  if (spread.median === null || spread.min === null || spread.max === null) return '–';
  const { t, locale } = view;
  const values = { median: formatNumber(spread.median, locale), min: formatNumber(spread.min, locale), max: formatNumber(spread.max, locale) };
  return inDays ? t('landlord.reports.spreadDays', values) : t('landlord.reports.spread', values);
}

function Fact({ term, value }: { term: string; value: string }): JSX.Element {
  return (
    <>
      <dt safe>{term}</dt>
      <dd safe>{value}</dd>
    </>
  );
}

/** What a row of the lettings and the vacancies alike says of its flat. */
interface FlatRow {
  readonly listingId: string;
  readonly district: string;
  readonly municipality: string;
  readonly rooms: number;
  readonly listingType: string;
  readonly publishedOn: string;
}

const flatName = (view: View, row: FlatRow): string => view.t('landlord.reports.flatName', { district: row.district, municipality: row.municipality, rooms: formatNumber(row.rooms, view.locale) });

const flatColumn = (view: View): Column<FlatRow> => ({
  heading: view.t('landlord.reports.flat'),
  link: (row) => ({ href: `/hyresvard/annonser/${row.listingId}`, text: flatName(view, row) }),
});
const typeColumn = (view: View): Column<FlatRow> => ({ heading: view.t('landlord.reports.type'), text: (row) => typeName(view, row.listingType) });
const publishedColumn = (view: View): Column<FlatRow> => ({ heading: view.t('landlord.reports.published'), text: (row) => formatDate(row.publishedOn, view.locale) });
