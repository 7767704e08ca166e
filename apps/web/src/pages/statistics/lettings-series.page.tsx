import { formatNumber } from '../../i18n/format.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { LettingsSeries, Places, SeriesPoint } from './open-data.js';
import { ReportForm } from './report-form.js';
import { CsvLink, FigureCell, FiguresTable, ReportChart, Withheld, WithheldNote, whereText } from './report-parts.js';
import { periodText, seriesAlt } from './report-text.js';
import type { StatisticsQuery } from './statistics-query.js';

interface LettingsSeriesProps {
  readonly view: View;
  readonly query: StatisticsQuery;
  readonly year: string;
  readonly places: Places;
  /** Absent when the statistics app refused the filters; `errors` then says why. */
  readonly report?: LettingsSeries;
  readonly errors: readonly FieldMessage[];
}

/** Flats let per month, quarter or year, with the new tenants' median queue time. A period without lettings shows its zeros. */
export function LettingsSeriesPage({ view, query, year, places, report, errors }: LettingsSeriesProps): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('statistics.series.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('statistics.series.title')}
      </h1>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('statistics.series.explain')}
      </p>
      <ReportForm view={view} action="/statistik/uthyrningar" query={query} year={year} places={places} errors={errors} withGranularity />
      {report && <Figures view={view} query={query} report={report} />}
    </Layout>
  );
}

function Figures({ view, query, report }: { view: View; query: StatisticsQuery; report: LettingsSeries }): JSX.Element {
  const { t, locale } = view;
  const nothingLet = report.points.every((point) => point.flatsLet === 0);
  return (
    <>
      {nothingLet && (
        <p class="ds-paragraph" role="status" safe>
          {t('statistics.noLettings')}
        </p>
      )}
      <ReportChart view={view} report="uthyrningar" query={query} alt={seriesAlt(report, t, locale)} />
      <section aria-labelledby="table-heading" class="stack-wide">
        <h2 class="ds-heading" data-size="md" id="table-heading" safe>
          {t('statistics.table')}
        </h2>
        <WithheldNote view={view} threshold={report.suppression.threshold} />
        <FiguresTable
          caption={t('statistics.series.caption', { period: periodText(report.period.label, t, locale), where: whereText(query) })}
          columns={(['period', 'flatsLet', 'median', 'band'] as const).map((column) => t(`statistics.series.${column}`))}
        >
          {report.points.map((point) => (
            <tr>
              <th scope="row" safe>
                {periodText(point.period.label, t, locale)}
              </th>
              <FigureCell view={view} value={point.flatsLet} />
              <QueueDays view={view} point={point} />
            </tr>
          ))}
        </FiguresTable>
      </section>
      <CsvLink view={view} report="uthyrningar" query={query} />
    </>
  );
}

/** The median and band cells: withheld with the cell or on their own, empty ("–") where nothing was let by queue time. */
function QueueDays({ view, point }: { view: View; point: SeriesPoint }): JSX.Element {
  const { t, locale } = view;
  if (point.suppressed || point.queueDaysSuppressed) {
    return (
      <>
        <Withheld view={view} />
        <Withheld view={view} />
      </>
    );
  }
  if (!point.queueDays) {
    return (
      <>
        <td>–</td>
        <td>–</td>
      </>
    );
  }
  const { median, bandLow, bandHigh } = point.queueDays;
  return (
    <>
      <td safe>{t('statistics.days', { days: formatNumber(median, locale) })}</td>
      <td safe>{t('statistics.range', { low: formatNumber(bandLow, locale), high: formatNumber(bandHigh, locale) })}</td>
    </>
  );
}
