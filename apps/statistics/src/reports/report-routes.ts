import type { FastifyReply } from 'fastify';
import { InvalidRequest } from '@bostadsko/platform';
import { lettingsCsv, lettingsSeriesCsv, queueTimeNeededCsv, seekersByAgeCsv, seekersCsv, seekersWantedCsv } from '../formats/csv.js';
import { lettingsSeriesSvg, queueTimeNeededSvg, seekersByAgeSvg, seekersSeriesSvg, seekersWantedSvg } from '../formats/svg-charts.js';
import { WANTED_CUTS, type WantedCut } from './seekers-wanted.report.js';
import type { ReportQueryDto } from './report-query.dto.js';
import type { QueryBus } from '@nestjs/cqrs';
import { LettingsReportOf, LettingsSeriesOf, QueueTimeNeededOf, SeekersByAgeOf, SeekersSeriesOf } from './report.queries.js';
import type { Audience, ReportsService } from './reports.service.js';
import { respond } from './respond.js';

/** The four reports, shared by the analysts' and the open-data controllers; only the audience differs. */
export class ReportRoutes {
  constructor(
    private readonly reports: ReportsService,
    private readonly queries: QueryBus,
    private readonly audience: Audience,
  ) {}

  async lettings(query: ReportQueryDto, reply: FastifyReply) {
    const q = await this.reports.resolve(query, this.audience);
    const report = await this.queries.execute(new LettingsReportOf(q));
    return respond(reply, query.format, `lettings-${q.period.label}`, { json: { ...this.reports.envelope('lettings', q), ...report }, csv: () => lettingsCsv(report) });
  }

  async lettingsSeries(query: ReportQueryDto, reply: FastifyReply) {
    const q = await this.reports.resolve(query, this.audience);
    const series = await this.queries.execute(new LettingsSeriesOf(q));
    return respond(reply, query.format, `lettings-series-${q.period.label}`, {
      json: { ...this.reports.envelope('lettings-series', q), ...series },
      csv: () => lettingsSeriesCsv(series),
      svg: () => lettingsSeriesSvg(series, q.threshold, query.lang ?? 'sv'),
    });
  }

  async queueTimeNeeded(query: ReportQueryDto, reply: FastifyReply) {
    const q = await this.reports.resolve(query, this.audience);
    const cells = await this.queries.execute(new QueueTimeNeededOf(q));
    return respond(reply, query.format, `queue-time-needed-${q.period.label}`, {
      json: { ...this.reports.envelope('queue-time-needed', q), cells },
      csv: () => queueTimeNeededCsv(cells),
      svg: () => queueTimeNeededSvg(cells, q.threshold, query.lang ?? 'sv'),
    });
  }

  async seekersByAge(query: ReportQueryDto, reply: FastifyReply) {
    this.refuseLettingCuts(query);
    const q = await this.reports.resolve(query, this.audience);
    const groups = await this.queries.execute(new SeekersByAgeOf(q));
    return respond(reply, query.format, `seekers-by-age-${q.period.label}`, {
      json: { ...this.reports.envelope('seekers-by-age', q), on: q.period.to, groups },
      csv: () => seekersByAgeCsv(groups),
      svg: () => seekersByAgeSvg(groups, q.threshold, query.lang ?? 'sv'),
    });
  }

  /** Seekers by what they applied for: `by` one of municipality or listingType (municipality when absent). */
  async seekersWanted(query: ReportQueryDto, reply: FastifyReply) {
    this.refuseLettingCuts(query, ['by']);
    const by = query.by ?? ['municipality'];
    if (by.length !== 1 || !(WANTED_CUTS as readonly string[]).includes(by[0])) {
      throw new InvalidRequest([{ field: 'by', messages: [`seekers are broken down by one of: ${WANTED_CUTS.join(', ')}`] }]);
    }
    const cut = by[0] as WantedCut;
    const q = await this.reports.resolve(query, this.audience);
    const rows = await this.reports.seekersWanted(q, cut);
    return respond(reply, query.format, `seekers-wanted-${cut}-${q.period.label}`, {
      json: { ...this.reports.envelope('seekers-wanted', q), by: cut, rows },
      csv: () => seekersWantedCsv(rows, cut),
      svg: () => seekersWantedSvg(rows, cut, q.threshold, query.lang ?? 'sv'),
    });
  }

  private refuseLettingCuts(query: ReportQueryDto, allowed: readonly string[] = []): void {
    const cuts = (['municipality', 'district', 'rooms', 'listingType', 'landlordId', 'by'] as const).filter((field) => query[field] !== undefined && !allowed.includes(field));
    if (cuts.length > 0) throw new InvalidRequest(cuts.map((field) => ({ field, messages: ['seekers are counted for the whole queue: a seeker has no district, rooms or landlord'] })));
  }

  async seekers(query: ReportQueryDto, reply: FastifyReply) {
    this.refuseLettingCuts(query);
    const q = await this.reports.resolve(query, this.audience);
    const series = await this.queries.execute(new SeekersSeriesOf(q));
    return respond(reply, query.format, `seekers-${q.period.label}`, {
      json: { ...this.reports.envelope('seekers', q), ...series },
      csv: () => seekersCsv(series),
      svg: () => seekersSeriesSvg(series, q.threshold, query.lang ?? 'sv'),
    });
  }
}
