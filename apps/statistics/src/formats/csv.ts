import type { LettingCell, LettingsReport, LettingsSeries, QueueTimeNeededCell } from '../reports/lettings.report.js';
import type { AgeGroupRow, SeekersSeries } from '../reports/seekers.report.js';
import type { WantedCut, WantedRow } from '../reports/seekers-wanted.report.js';

/** Statistics Sweden's mark for a figure withheld to protect individuals. */
const SUPPRESSED_MARK = '..';

type Flat = Record<string, string | number>;

const value = (v: number | null | undefined, suppressed: boolean): string | number => (v === null || v === undefined ? (suppressed ? SUPPRESSED_MARK : '') : v);

function flatCell(cell: LettingCell): Flat {
  const s = cell.suppressed;
  const q = s || cell.queueDaysSuppressed;
  return {
    flatsLet: value(cell.flatsLet, s),
    queueDaysN: value(cell.queueDays?.n, q),
    queueDaysMean: value(cell.queueDays?.mean, q),
    queueDaysMedian: value(cell.queueDays?.median, q),
    queueDaysBandLow: value(cell.queueDays?.bandLow, q),
    queueDaysBandHigh: value(cell.queueDays?.bandHigh, q),
    queueDaysMin: value(cell.queueDays?.min, q),
    queueDaysMax: value(cell.queueDays?.max, q),
    applicationsMean: value(cell.applicationsPerListing?.mean, s),
    applicationsMedian: value(cell.applicationsPerListing?.median, s),
    applicationsMax: value(cell.applicationsPerListing?.max, s),
    rentMean: value(cell.rent?.mean, s),
    rentMedian: value(cell.rent?.median, s),
    rentPerM2Mean: value(cell.rentPerM2?.mean, s),
    rentPerM2Median: value(cell.rentPerM2?.median, s),
    daysToLetMean: value(cell.daysToLet?.mean, s),
    daysToLetMedian: value(cell.daysToLet?.median, s),
    suppressed: s ? 'yes' : q ? 'queue days' : 'no',
  };
}

/**
 * RFC 4180: comma-separated, CRLF lines, fields with a comma, quote or line break quoted. A report
 * with no rows is still its header (`columns`), so a download says what it would hold.
 */
function toCsv(rows: readonly Flat[], columns: readonly string[] = []): string {
  const header = rows.length > 0 ? Object.keys(rows[0]) : columns;
  if (header.length === 0) return '';
  const field = (v: string | number) => {
    const text = String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows.map((row) => header.map((key) => row[key] ?? ''))].map((line) => line.map(field).join(',')).join('\r\n') + '\r\n';
}

export function lettingsCsv(report: LettingsReport): string {
  const groupKeys = report.rows.length > 0 ? Object.keys(report.rows[0].group) : [];
  const rows: Flat[] = report.rows.map((row) => ({ ...row.group, ...flatCell(row) }));
  const totalGroup = Object.fromEntries(groupKeys.map((key, i) => [key, i === 0 ? 'Total' : '']));
  rows.push({ ...(groupKeys.length > 0 ? totalGroup : { group: 'Total' }), ...flatCell(report.total) });
  return toCsv(rows);
}

export function lettingsSeriesCsv(series: LettingsSeries): string {
  return toCsv(series.points.map((p) => ({ period: p.period.label, from: p.period.from, to: p.period.to, ...flatCell(p) })));
}

export function queueTimeNeededCsv(cells: readonly QueueTimeNeededCell[]): string {
  return toCsv(
    cells.map((c) => ({
      municipality: c.municipality,
      district: c.district,
      rooms: c.rooms,
      tenants: value(c.tenants, c.suppressed),
      medianQueueDays: value(c.medianQueueDays, c.suppressed),
      bandLow: value(c.bandLow, c.suppressed),
      bandHigh: value(c.bandHigh, c.suppressed),
      suppressed: c.suppressed ? 'yes' : 'no',
    })),
    QUEUE_TIME_COLUMNS,
  );
}

const QUEUE_TIME_COLUMNS = ['municipality', 'district', 'rooms', 'tenants', 'medianQueueDays', 'bandLow', 'bandHigh', 'suppressed'];

export function seekersCsv(series: SeekersSeries): string {
  return toCsv(
    series.points.map((p) => {
      const hidden = new Set(p.suppressed);
      return {
        period: p.period.label,
        from: p.period.from,
        to: p.period.to,
        registered: value(p.registered, hidden.has('registered')),
        newRegistrations: value(p.newRegistrations, hidden.has('newRegistrations')),
        deregistrations: value(p.deregistrations, hidden.has('deregistrations')),
        closedAccounts: value(p.closedAccounts, hidden.has('closedAccounts')),
        active: value(p.active, hidden.has('active')),
        activeShare: value(p.activeShare, hidden.has('activeShare')),
      };
    }),
  );
}

export function seekersByAgeCsv(rows: readonly AgeGroupRow[]): string {
  return toCsv(
    rows.map((r) => {
      const hidden = new Set(r.suppressed);
      return {
        ageGroup: r.ageGroup,
        registered: value(r.registered, hidden.has('registered')),
        active: value(r.active, hidden.has('active')),
        activeShare: value(r.activeShare, hidden.has('activeShare')),
      };
    }),
  );
}

export function seekersWantedCsv(rows: readonly WantedRow[], cut: WantedCut): string {
  return toCsv(
    rows.map((r) => ({ [cut]: r.group, seekers: value(r.seekers, r.suppressed), applications: value(r.applications, r.suppressed), suppressed: r.suppressed ? 'yes' : 'no' })),
    [cut, 'seekers', 'applications', 'suppressed'],
  );
}
