import { formatNumber } from '../../i18n/format.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { Places, QueueTimeNeeded } from './open-data.js';
import { ReportForm } from './report-form.js';
import { CsvLink, FiguresTable, ReportChart, Withheld, WithheldNote, whereText } from './report-parts.js';
import { periodText, queueTimeAlt, yearsOf } from './report-text.js';
import type { StatisticsQuery } from './statistics-query.js';

interface QueueTimeNeededProps {
  readonly view: View;
  readonly query: StatisticsQuery;
  readonly year: string;
  readonly places: Places;
  /** Absent when the statistics app refused the filters; `errors` then says why. */
  readonly report?: QueueTimeNeeded;
  readonly errors: readonly FieldMessage[];
}

/** "How long must I queue for two rooms in Majorna?": the median queue days of new tenants by district and rooms. */
export function QueueTimeNeededPage({ view, query, year, places, report, errors }: QueueTimeNeededProps): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('statistics.queue.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('statistics.queue.title')}
      </h1>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('statistics.queue.explain')}
      </p>
      <ReportForm view={view} action="/statistik/kotid" query={query} year={year} places={places} errors={errors} />
      {report && <Figures view={view} query={query} report={report} />}
    </Layout>
  );
}

function Figures({ view, query, report }: { view: View; query: StatisticsQuery; report: QueueTimeNeeded }): JSX.Element {
  const { t, locale } = view;
  const threshold = report.suppression.threshold;
  if (report.cells.length === 0) {
    return (
      <p class="ds-paragraph" role="status" safe>
        {t('statistics.noLettings')}
      </p>
    );
  }
  return (
    <>
      <ReportChart view={view} report="kotid" query={query} alt={queueTimeAlt(report, t, locale)} />
      <section aria-labelledby="table-heading" class="stack-wide">
        <h2 class="ds-heading" data-size="md" id="table-heading" safe>
          {t('statistics.table')}
        </h2>
        <WithheldNote view={view} threshold={threshold} />
        <FiguresTable
          caption={t('statistics.queue.caption', { period: periodText(report.period.label, t, locale), where: whereText(query) })}
          columns={(['municipality', 'district', 'rooms', 'median', 'band', 'tenants'] as const).map((column) => t(`statistics.queue.${column}`))}
        >
          {report.cells.map((cell) => (
            <tr>
              <td safe>{cell.municipality}</td>
              <th scope="row" safe>
                {cell.district}
              </th>
              <td safe>{formatNumber(cell.rooms, locale)}</td>
              {cell.suppressed || cell.medianQueueDays === null ? (
                <>
                  <Withheld view={view} />
                  <Withheld view={view} />
                  <Withheld view={view} />
                </>
              ) : (
                <>
                  <td safe>{t('statistics.daysAndYears', { days: formatNumber(cell.medianQueueDays, locale), years: yearsOf(cell.medianQueueDays, locale) })}</td>
                  <td safe>{t('statistics.range', { low: formatNumber(cell.bandLow ?? 0, locale), high: formatNumber(cell.bandHigh ?? 0, locale) })}</td>
                  <td safe>{formatNumber(cell.tenants ?? 0, locale)}</td>
                </>
              )}
            </tr>
          ))}
        </FiguresTable>
      </section>
      <CsvLink view={view} report="kotid" query={query} />
    </>
  );
}
