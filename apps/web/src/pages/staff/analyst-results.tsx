import { formatNumber } from '../../i18n/format.js';
import type { Translate } from '../../i18n/locale.js';
import type { View } from '../../views/view.js';
import type { QueueTimeNeeded } from '../statistics/open-data.js';
import { Withheld } from '../statistics/report-parts.js';
import { periodText, yearsOf } from '../statistics/report-text.js';
import type { SeekersByAge, SeekersSeries, SeekersWanted } from './analyst.types.js';
import { messageFor } from '../../i18n/locale.js';

const SEEKER_FIGURES = ['registered', 'newRegistrations', 'deregistrations', 'closedAccounts', 'active'] as const;

/** A count, or the words for a withheld one. */
function Figure({ view, value }: { view: View; value: number | null }): JSX.Element {
  return value === null ? <Withheld view={view} /> : <td safe>{formatNumber(value, view.locale)}</td>;
}

/** Queue time needed, a row per municipality, district and rooms: the median and its band in days and years. */
export function QueueTimeTable({ view, report }: { view: View; report: QueueTimeNeeded }): JSX.Element {
  const { t, locale } = view;
  return (
    <div class="table-scroll">
      <table class="ds-table" aria-describedby="withheld-note">
        <thead>
          <tr>
            {(['municipality', 'district', 'rooms', 'median', 'band', 'tenants'] as const).map((column) => (
              <th scope="col" safe>
                {t(`statistics.queue.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
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
              <Figure view={view} value={cell.tenants} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Seekers over time: in the queue, joined, deregistered, closed and active, per point of the series. */
export function SeekersTable({ view, report }: { view: View; report: SeekersSeries }): JSX.Element {
  const { t, locale } = view;
  return (
    <div class="table-scroll">
      <table class="ds-table" aria-describedby="withheld-note">
        <thead>
          <tr>
            <th scope="col" safe>
              {t('staff.report.period')}
            </th>
            {SEEKER_FIGURES.map((figure) => (
              <th scope="col" safe>
                {t(`staff.report.seekers.${figure}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.points.map((point) => (
            <tr>
              <th scope="row" safe>
                {periodText(point.period.label, t, locale)}
              </th>
              {SEEKER_FIGURES.map((figure) => (
                <Figure view={view} value={point[figure]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Seekers in the queue on the period's last day by age group, and how many of them applied in the last year. */
export function AgeGroupsTable({ view, report }: { view: View; report: SeekersByAge }): JSX.Element {
  const { t, locale } = view;
  return (
    <div class="table-scroll">
      <table class="ds-table" aria-describedby="withheld-note">
        <thead>
          <tr>
            <th scope="col" safe>
              {t('staff.report.ageGroup')}
            </th>
            <th scope="col" safe>
              {t('staff.report.seekers.registered')}
            </th>
            <th scope="col" safe>
              {t('staff.report.seekers.active')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.groups.map((group) => (
            <tr>
              <th scope="row" safe>
                {group.ageGroup}
              </th>
              <Figure view={view} value={group.registered} />
              {group.active === null ? (
                <Withheld view={view} />
              ) : (
                <td safe>{`${formatNumber(group.active, locale)}${group.activeShare === null ? '' : ` (${formatNumber(Math.round(group.activeShare * 1000) / 10, locale)} %)`}`}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Seekers by what they applied for: a row per municipality or list type, the seekers and their applications. */
export function WantedTable({ view, report }: { view: View; report: SeekersWanted }): JSX.Element {
  const { t, locale } = view;
  return (
    <div class="table-scroll">
      <table class="ds-table" aria-describedby="withheld-note">
        <thead>
          <tr>
            <th scope="col" safe>
              {messageFor(locale, `staff.report.cut.${report.by}`) ?? report.by}
            </th>
            <th scope="col" safe>
              {t('staff.report.wanted.seekers')}
            </th>
            <th scope="col" safe>
              {t('staff.report.wanted.applications')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr>
              <th scope="row" safe>
                {report.by === 'listingType' ? (messageFor(locale, `listingType.${row.group}`) ?? row.group) : row.group}
              </th>
              <Figure view={view} value={row.seekers} />
              <Figure view={view} value={row.applications} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
