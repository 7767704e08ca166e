import { formatDate, formatMonth, formatNumber } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import { messageAt, type FieldMessage } from '../../views/components/form-errors.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { BarChart } from './bar-chart.js';
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
          <BarChart
            view={view}
            title={t('landlord.reports.lettings.chart', { period })}
            tableId="by-type-table"
            bars={report.byListingType.map((row) => ({ label: typeName(view, row.listingType), value: row.flatsLet }))}
          />
          <div class="table-scroll">
            <table class="ds-table" id="by-type-table">
              <caption safe>{t('landlord.reports.lettings.byTypeCaption', { period })}</caption>
              <thead>
                <tr>
                  <Th text={t('landlord.reports.type')} />
                  <Th text={t('landlord.reports.lettings.flatsLet')} />
                  <Th text={t('landlord.reports.lettings.medianDays')} />
                  <Th text={t('landlord.reports.lettings.meanApplications')} />
                </tr>
              </thead>
              <tbody>
                {report.byListingType.map((row) => (
                  <tr>
                    <th scope="row" safe>
                      {typeName(view, row.listingType)}
                    </th>
                    <td safe>{formatNumber(row.flatsLet, locale)}</td>
                    <td safe>{days(view, row.daysToLet.median)}</td>
                    <td safe>{count(view, row.applicationsPerListing.mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 class="ds-heading" data-size="sm" safe>
            {t('landlord.reports.lettings.each')}
          </h3>
          <BarChart
            view={view}
            title={t('landlord.reports.lettings.daysChart', { period })}
            tableId="lettings-table"
            bars={report.lettings.map((row) => ({
              label: t('landlord.reports.flatName', { district: row.district, municipality: row.municipality, rooms: formatNumber(row.rooms, locale) }),
              value: row.daysToLet,
            }))}
          />
          <div class="table-scroll">
            <table class="ds-table" id="lettings-table">
              <caption safe>{t('landlord.reports.lettings.eachCaption', { count: report.lettings.length })}</caption>
              <thead>
                <tr>
                  <Th text={t('landlord.reports.flat')} />
                  <Th text={t('landlord.reports.type')} />
                  <Th text={t('landlord.reports.published')} />
                  <Th text={t('landlord.reports.lettings.letOn')} />
                  <Th text={t('landlord.reports.lettings.daysToLetColumn')} />
                  <Th text={t('landlord.reports.applications')} />
                </tr>
              </thead>
              <tbody>
                {report.lettings.map((row) => (
                  <tr>
                    <td>
                      <a class="ds-link" href={`/hyresvard/annonser/${row.listingId}`} safe>
                        {t('landlord.reports.flatName', { district: row.district, municipality: row.municipality, rooms: formatNumber(row.rooms, locale) })}
                      </a>
                    </td>
                    <td safe>{typeName(view, row.listingType)}</td>
                    <td safe>{formatDate(row.publishedOn, locale)}</td>
                    <td safe>{formatDate(row.letOn, locale)}</td>
                    <td safe>{formatNumber(row.daysToLet, locale)}</td>
                    <td safe>{count(view, row.applications)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
          <BarChart
            view={view}
            title={t('landlord.reports.vacancies.chart', { on })}
            tableId="vacancies-table"
            bars={report.listings.map((row) => ({
              label: t('landlord.reports.flatName', { district: row.district, municipality: row.municipality, rooms: formatNumber(row.rooms, locale) }),
              value: row.daysVacant,
            }))}
          />
          <div class="table-scroll">
            <table class="ds-table" id="vacancies-table">
              <caption safe>{t('landlord.reports.vacancies.caption', { count: report.vacant, on })}</caption>
              <thead>
                <tr>
                  <Th text={t('landlord.reports.flat')} />
                  <Th text={t('landlord.reports.type')} />
                  <Th text={t('landlord.reports.published')} />
                  <Th text={t('landlord.reports.vacancies.daysVacantColumn')} />
                  <Th text={t('landlord.reports.applications')} />
                </tr>
              </thead>
              <tbody>
                {report.listings.map((row) => (
                  <tr>
                    <td>
                      <a class="ds-link" href={`/hyresvard/annonser/${row.listingId}`} safe>
                        {t('landlord.reports.flatName', { district: row.district, municipality: row.municipality, rooms: formatNumber(row.rooms, locale) })}
                      </a>
                    </td>
                    <td safe>{typeName(view, row.listingType)}</td>
                    <td safe>{formatDate(row.publishedOn, locale)}</td>
                    <td safe>{formatNumber(row.daysVacant, locale)}</td>
                    <td safe>{row.applications === null ? t('landlord.listings.countedAtDeadline') : formatNumber(row.applications, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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

function Th({ text }: { text: string }): JSX.Element {
  return (
    <th scope="col" safe>
      {text}
    </th>
  );
}
