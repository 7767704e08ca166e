import { formatNumber } from '../../i18n/format.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import { ChoiceField } from '../../views/components/choice-field.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { LISTING_TYPES } from '../listings/listing.js';
import { FigureCell, FiguresTable, WithheldNote } from '../statistics/report-parts.js';
import { periodText, queueTimeAlt, seriesAlt } from '../statistics/report-text.js';
import { analystHref, ANALYST_REPORTS, CUTS, type AnalystQuery, type AnalystReport } from './analyst-query.js';
import { AgeGroupsTable, QueueTimeTable, SeekersTable, seekersAlt, WantedTable } from './analyst-results.js';
import type { LettingsSeries } from '../statistics/open-data.js';
import type { AnalystAnswer, AnalystPlaces, SummaryRow } from './analyst.types.js';
import { StaffLayout } from './staff-layout.js';

interface ReportBuilderProps {
  readonly view: View;
  readonly query: AnalystQuery;
  readonly places: AnalystPlaces;
  readonly answer?: AnalystAnswer;
  readonly errors: readonly FieldMessage[];
}

/** The analysts' report builder: a GET form, so every report is an address to share; a table, a chart for a series, and the CSV. */
export function ReportBuilderPage({ view, query, places, answer, errors }: ReportBuilderProps): JSX.Element {
  const { t, locale } = view;
  const f = query.filters;
  const shareable = analystHref('/handlaggare/rapporter', query);
  return (
    <StaffLayout view={view} title={t('staff.report.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.report.title')}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <form method="get" action="/handlaggare/rapporter" class="stack" novalidate>
        <ChoiceField
          id="rapport"
          label={t('staff.report.report')}
          options={(Object.keys(ANALYST_REPORTS) as AnalystReport[]).map((report) => ({ value: report, label: t(`staff.report.kind.${report}`) }))}
          value={query.report}
          errors={errors}
        />
        <TextField id="period" label={t('staff.report.period')} description={t('staff.report.periodHint')} value={f.period} errors={errors} />
        <TextField id="from" type="date" label={t('staff.report.from')} value={f.from} errors={errors} />
        <TextField id="to" type="date" label={t('staff.report.to')} value={f.to} errors={errors} />
        <ChoiceField
          id="granularity"
          label={t('staff.report.granularity')}
          options={['', 'month', 'quarter', 'year'].map((value) => ({ value, label: value ? t(`staff.report.granularity.${value as 'month'}`) : t('staff.report.any') }))}
          value={f.granularity}
          errors={errors}
        />
        <ChoiceField
          id="municipality"
          label={t('staff.report.municipality')}
          options={[{ value: '', label: t('staff.report.any') }, ...places.municipalities.map((m) => ({ value: m.name, label: m.name }))]}
          value={f.municipality}
          errors={errors}
        />
        <TextField id="district" label={t('staff.report.district')} value={f.district} errors={errors} />
        <TextField id="rooms" label={t('staff.report.rooms')} value={f.rooms} errors={errors} inputmode="decimal" />
        <ChoiceField
          id="listingType"
          label={t('staff.report.listingType')}
          options={[{ value: '', label: t('staff.report.any') }, ...LISTING_TYPES.map((type) => ({ value: type, label: t(`listingType.${type}`) }))]}
          value={f.listingType}
          errors={errors}
        />
        <ChoiceField
          id="landlordId"
          label={t('staff.report.landlord')}
          options={[{ value: '', label: t('staff.report.any') }, ...(places.landlords ?? []).map((l) => ({ value: l.landlordId, label: l.name }))]}
          value={f.landlordId}
          errors={errors}
        />
        <fieldset class="ds-fieldset" id="by">
          <legend class="ds-label" safe>
            {t('staff.report.by')}
          </legend>
          {CUTS.map((cut) => (
            <div class="ds-field">
              <input class="ds-input" type="checkbox" id={`by-${cut}`} name="by" value={cut} checked={query.by.includes(cut)} />
              <label class="ds-label" for={`by-${cut}`} safe>
                {t(`staff.report.cut.${cut}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('staff.report.show')}
          </button>
        </div>
      </form>
      {answer && (
        <section aria-labelledby="result-heading" class="stack-wide">
          <h2 class="ds-heading" data-size="md" id="result-heading" safe>
            {t(`staff.report.kind.${answer.kind}`)}
            {`, ${periodText(answer.report.period.label, t, locale)}`}
          </h2>
          <p class="ds-paragraph" data-size="sm">
            <a class="ds-link" href={shareable} safe>
              {t('staff.report.link')}
            </a>
            {' · '}
            <a class="ds-link" href={analystHref('/handlaggare/rapporter/rapport.csv', query, locale)} safe>
              {t('statistics.csv')}
            </a>
            {ANALYST_REPORTS[answer.kind].chart && (
              <>
                {' · '}
                <a class="ds-link" href={analystHref('/handlaggare/rapporter/diagram.png', query, locale)} download="" safe>
                  {t('staff.report.png')}
                </a>
              </>
            )}
          </p>
          {ANALYST_REPORTS[answer.kind].chart && <img class="chart" src={analystHref('/handlaggare/rapporter/diagram.svg', query, locale)} alt={chartAlt(answer, view)} />}
          <Result view={view} answer={answer} />
          <WithheldNote view={view} threshold={answer.report.suppression.threshold} />
        </section>
      )}
    </StaffLayout>
  );
}

function chartAlt(answer: AnalystAnswer, { t, locale }: View): string {
  switch (answer.kind) {
    case 'kotid':
      return queueTimeAlt(answer.report, t, locale);
    case 'sokande':
      return seekersAlt(
        answer.report.points.map((p) => ({ label: periodText(p.period.label, t, locale), registered: p.registered, suppressed: p.suppressed })),
        t('staff.report.kind.sokande'),
        t,
        locale,
      );
    case 'aldrar':
      return seekersAlt(
        answer.report.groups.map((g) => ({ label: g.ageGroup, registered: g.registered, suppressed: g.suppressed })),
        t('staff.report.kind.aldrar'),
        t,
        locale,
      );
    case 'onskemal':
      return seekersAlt(
        answer.report.rows.map((r) => ({ label: r.group, registered: r.seekers, suppressed: r.suppressed ? ['seekers'] : [] })),
        t('staff.report.kind.onskemal'),
        t,
        locale,
      );
    default:
      return answer.kind === 'serie' ? seriesAlt(answer.report, t, locale) : '';
  }
}

function Result({ view, answer }: { view: View; answer: AnalystAnswer }): JSX.Element {
  switch (answer.kind) {
    case 'summering':
      return <SummaryTable view={view} by={answer.report.by} rows={answer.report.rows} total={answer.report.total} />;
    case 'serie':
      return <SeriesTable view={view} series={answer.report} />;
    case 'kotid':
      return <QueueTimeTable view={view} report={answer.report} />;
    case 'sokande':
      return <SeekersTable view={view} report={answer.report} />;
    case 'aldrar':
      return <AgeGroupsTable view={view} report={answer.report} />;
    case 'onskemal':
      return <WantedTable view={view} report={answer.report} />;
  }
}

function SeriesTable({ view, series }: { view: View; series: LettingsSeries }): JSX.Element {
  const { t, locale } = view;
  return (
    <FiguresTable columns={[t('staff.report.period'), t('staff.report.flatsLet'), t('staff.report.medianQueueDays')]}>
      {series.points.map((point) => (
        <tr>
          <th scope="row" safe>
            {periodText(point.period.label, t, locale)}
          </th>
          <FigureCell view={view} value={point.flatsLet} />
          <FigureCell view={view} value={point.queueDays?.median} />
        </tr>
      ))}
    </FiguresTable>
  );
}

const groupText = (value: string | number | undefined, cut: string, locale: Locale): string =>
  value === undefined ? '–' : cut === 'listingType' ? (messageFor(locale, `listingType.${value}`) ?? String(value)) : typeof value === 'number' ? formatNumber(value, locale) : value;

function SummaryTable({ view, by, rows, total }: { view: View; by: readonly string[]; rows: readonly SummaryRow[]; total: SummaryRow }): JSX.Element {
  const { t, locale } = view;
  const cells = (row: SummaryRow) => (
    <>
      <FigureCell view={view} value={row.flatsLet} />
      <FigureCell view={view} value={row.queueDays?.median} />
      <FigureCell view={view} value={row.applicationsPerListing?.median} />
      <FigureCell view={view} value={row.rent?.median} />
      <FigureCell view={view} value={row.daysToLet?.median} />
    </>
  );
  return (
    <FiguresTable
      columns={[
        ...by.map((cut) => messageFor(locale, `staff.report.cut.${cut}`) ?? cut),
        ...(['flatsLet', 'medianQueueDays', 'medianApplications', 'medianRent', 'medianDaysToLet'] as const).map((column) => t(`staff.report.${column}`)),
      ]}
    >
      {rows.map((row) => (
        <tr>
          {by.map((cut) => (
            <th scope="row" safe>
              {groupText(row.group?.[cut], cut, locale)}
            </th>
          ))}
          {cells(row)}
        </tr>
      ))}
      <tr>
        {by.length > 0 ? (
          <th scope="row" colspan={String(by.length)} safe>
            {t('staff.report.total')}
          </th>
        ) : (
          ''
        )}
        {cells(total)}
      </tr>
    </FiguresTable>
  );
}
