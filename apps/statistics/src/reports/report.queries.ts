import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LettingsReport, LettingsSeries, QueueTimeNeededCell } from './lettings.report.js';
import { ReportsService, type Audience, type ResolvedQuery } from './reports.service.js';
import type { AgeGroupRow, SeekersSeries } from './seekers.report.js';

/** Flats let, queue days, applications per listing and rents, by the query's cuts. */
export class LettingsReportOf extends Query<LettingsReport> {
  constructor(readonly q: ResolvedQuery) {
    super();
  }
}

/** The lettings figures per month, quarter or year. */
export class LettingsSeriesOf extends Query<LettingsSeries> {
  constructor(readonly q: ResolvedQuery) {
    super();
  }
}

/** Median queue days of the new tenants per district and number of rooms. */
export class QueueTimeNeededOf extends Query<QueueTimeNeededCell[]> {
  constructor(readonly q: ResolvedQuery) {
    super();
  }
}

/** Registered, new, deregistered and closed seekers and the share active, per period. */
export class SeekersSeriesOf extends Query<SeekersSeries> {
  constructor(readonly q: ResolvedQuery) {
    super();
  }
}

/** Seekers in the queue on the period's last day by age group. */
export class SeekersByAgeOf extends Query<AgeGroupRow[]> {
  constructor(readonly q: ResolvedQuery) {
    super();
  }
}

/** The municipalities, districts and (for analysts) landlords a report may name. */
export class ReportPlaces extends Query<Awaited<ReturnType<ReportsService['places']>>> {
  constructor(readonly audience: Audience) {
    super();
  }
}

@QueryHandler(LettingsReportOf)
class LettingsReportOfHandler implements IQueryHandler<LettingsReportOf, LettingsReport> {
  constructor(private readonly reports: ReportsService) {}

  execute({ q }: LettingsReportOf): Promise<LettingsReport> {
    return this.reports.lettings(q);
  }
}

@QueryHandler(LettingsSeriesOf)
class LettingsSeriesOfHandler implements IQueryHandler<LettingsSeriesOf, LettingsSeries> {
  constructor(private readonly reports: ReportsService) {}

  execute({ q }: LettingsSeriesOf): Promise<LettingsSeries> {
    return this.reports.lettingsSeries(q);
  }
}

@QueryHandler(QueueTimeNeededOf)
class QueueTimeNeededOfHandler implements IQueryHandler<QueueTimeNeededOf, QueueTimeNeededCell[]> {
  constructor(private readonly reports: ReportsService) {}

  execute({ q }: QueueTimeNeededOf): Promise<QueueTimeNeededCell[]> {
    return this.reports.queueTimeNeeded(q);
  }
}

@QueryHandler(SeekersSeriesOf)
class SeekersSeriesOfHandler implements IQueryHandler<SeekersSeriesOf, SeekersSeries> {
  constructor(private readonly reports: ReportsService) {}

  execute({ q }: SeekersSeriesOf): Promise<SeekersSeries> {
    return this.reports.seekers(q);
  }
}

@QueryHandler(SeekersByAgeOf)
class SeekersByAgeOfHandler implements IQueryHandler<SeekersByAgeOf, AgeGroupRow[]> {
  constructor(private readonly reports: ReportsService) {}

  execute({ q }: SeekersByAgeOf): Promise<AgeGroupRow[]> {
    return this.reports.seekersByAge(q);
  }
}

@QueryHandler(ReportPlaces)
class ReportPlacesHandler implements IQueryHandler<ReportPlaces, Awaited<ReturnType<ReportsService['places']>>> {
  constructor(private readonly reports: ReportsService) {}

  execute({ audience }: ReportPlaces): ReturnType<ReportsService['places']> {
    return this.reports.places(audience);
  }
}

/** Every report's handler, for the app module. */
export const REPORT_QUERY_HANDLERS = [LettingsReportOfHandler, LettingsSeriesOfHandler, QueueTimeNeededOfHandler, SeekersSeriesOfHandler, SeekersByAgeOfHandler, ReportPlacesHandler];
