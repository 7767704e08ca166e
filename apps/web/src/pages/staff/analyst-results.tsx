import { formatNumber } from '../../i18n/format.js';
import type { Translate } from '../../i18n/locale.js';
import type { View } from '../../views/view.js';
import type { QueueTimeNeeded } from '../statistics/open-data.js';
import { FigureCell, FiguresTable, Withheld } from '../statistics/report-parts.js';
import { periodText, yearsOf } from '../statistics/report-text.js';
import type { SeekersByAge, SeekersSeries, SeekersWanted } from './analyst.types.js';
import { messageFor } from '../../i18n/locale.js';

const SEEKER_FIGURES = ['registered', 'newRegistrations', 'deregistrations', 'closedAccounts', 'active'] as const;

/** Queue time needed, a row per municipality, district and rooms: the median and its band in days and years. */
export function QueueTimeTable({ view, report }: { view: View; report: QueueTimeNeeded }): JSX.Element {
  const { t, locale } = view;
  return (
    <FiguresTable columns={(['municipality', 'district', 'rooms', 'median', 'band', 'tenants'] as const).map((column) => t(`statistics.queue.${column}`))}>
      {report.cells.map((cell) => (
        <tr>
          <th scope="row" safe>
            {cell.municipality}
          </th>
          <td safe>{cell.district}</td>
          <td safe>{formatNumber(cell.rooms, locale)}</td>
          {cell.medianQueueDays === null ? (
            <Withheld view={view} />
          ) : (
            <td safe>{t('staff.report.days', { days: formatNumber(cell.medianQueueDays, locale), years: yearsOf(cell.medianQueueDays, locale) })}</td>
          )}
          {cell.bandLow === null || cell.bandHigh === null ? <Withheld view={view} /> : <td safe>{`${formatNumber(cell.bandLow, locale)}–${formatNumber(cell.bandHigh, locale)}`}</td>}
          <FigureCell view={view} value={cell.tenants} />
        </tr>
      ))}
    </FiguresTable>
  );
}

/** Seekers over time: in the queue, joined, deregistered, closed and active, per point of the series. */
export function SeekersTable({ view, report }: { view: View; report: SeekersSeries }): JSX.Element {
  const { t, locale } = view;
  return (
    <FiguresTable columns={[t('staff.report.period'), ...SEEKER_FIGURES.map((figure) => t(`staff.report.seekers.${figure}`))]}>
      {report.points.map((point) => (
        <tr>
          <th scope="row" safe>
            {periodText(point.period.label, t, locale)}
          </th>
          {SEEKER_FIGURES.map((figure) => (
            <FigureCell view={view} value={point[figure]} />
          ))}
        </tr>
      ))}
    </FiguresTable>
  );
}

/** Seekers in the queue on the period's last day by age group, and how many of them applied in the last year. */
export function AgeGroupsTable({ view, report }: { view: View; report: SeekersByAge }): JSX.Element {
  const { t, locale } = view;
  return (
    <FiguresTable columns={[t('staff.report.ageGroup'), t('staff.report.seekers.registered'), t('staff.report.seekers.active')]}>
      {report.groups.map((group) => (
        <tr>
          <th scope="row" safe>
            {group.ageGroup}
          </th>
          <FigureCell view={view} value={group.registered} />
          {group.active === null ? (
            <Withheld view={view} />
          ) : (
            <td safe>{`${formatNumber(group.active, locale)}${group.activeShare === null ? '' : ` (${formatNumber(Math.round(group.activeShare * 1000) / 10, locale)} %)`}`}</td>
          )}
        </tr>
      ))}
    </FiguresTable>
  );
}

/** Seekers by what they applied for: a row per municipality or list type, the seekers and their applications. */
export function WantedTable({ view, report }: { view: View; report: SeekersWanted }): JSX.Element {
  const { t, locale } = view;
  return (
    <FiguresTable columns={[messageFor(locale, `staff.report.cut.${report.by}`) ?? report.by, t('staff.report.wanted.seekers'), t('staff.report.wanted.applications')]}>
      {report.rows.map((row) => (
        <tr>
          <th scope="row" safe>
            {report.by === 'listingType' ? (messageFor(locale, `listingType.${row.group}`) ?? row.group) : row.group}
          </th>
          <FigureCell view={view} value={row.seekers} />
          <FigureCell view={view} value={row.applications} />
        </tr>
      ))}
    </FiguresTable>
  );
}

/** The seeker charts' alt text: the largest count in words, and how many are withheld; the table has the rest. */
export function seekersAlt(counts: ReadonlyArray<{ label: string; registered: number | null; suppressed: readonly string[] }>, title: string, t: Translate, locale: View['locale']): string {
  const shown = counts.filter((c) => c.registered !== null);
  const hidden = counts.reduce((n, c) => n + c.suppressed.length, 0);
  const most = shown.length > 0 ? shown.reduce((a, b) => (b.registered! > a.registered! ? b : a)) : undefined;
  return [
    most ? t('staff.report.chartAlt', { title, label: most.label, count: formatNumber(most.registered!, locale) }) : t('staff.report.chartAltNone', { title }),
    hidden > 0 ? t('statistics.chartAlt.hidden', { count: hidden }) : '',
    t('statistics.chartAlt.rest'),
  ]
    .filter(Boolean)
    .join(' ');
}
