import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { InvalidRequest, PG_POOL, type FieldError } from '@bostadsko/platform';
import { PolicyService } from '../policy/policy.service.js';
import { stockholmDate } from '@bostadsko/calendar';
import type { LettingFacts } from './letting-facts.js';
import { LettingSnapshot } from './letting-snapshot.js';
import { lettingsReport, lettingsSeries, queueTimeNeeded, type Cut, type LettingFilter, type LettingsReport, type LettingsSeries, type QueueTimeNeededCell } from './lettings.report.js';
import { customPeriod, dayNumber, isCalendarDate, namedPeriod, type Granularity, type Period } from './period.js';
import { rawLettingsReport, rawLettingsSeries, rawQueueTimeNeeded } from './raw-lettings.query.js';
import type { ReportQueryDto } from './report-query.dto.js';
import { seekersByAge, seekersSeries, type AgeGroupRow, type SeekersSeries } from './seekers.report.js';
import { seekersWanted, type WantedCut, type WantedRow } from './seekers-wanted.report.js';
import { Clock } from '@bostadsko/clock';

/** Who asks: the public open-data endpoints, or analysts (and staff, admins) with the detailed cuts. */
export type Audience = 'public' | 'analyst';

export interface ResolvedQuery {
  readonly period: Period;
  readonly filter: LettingFilter;
  readonly by: readonly Cut[];
  readonly granularity: Granularity;
  readonly threshold: number;
  readonly source: 'store' | 'raw';
}

/** What every report carries besides its figures: what was asked, and the suppression rule it obeys. */
export interface ReportEnvelope {
  readonly report: string;
  readonly period: Period;
  readonly filter: LettingFilter;
  readonly generatedOn: string;
  readonly source: 'store' | 'raw';
  readonly suppression: { readonly threshold: number; readonly rule: string };
}

const MAX_RANGE_DAYS = 30 * 366;

@Injectable()
export class ReportsService {
  private readonly snapshot: LettingSnapshot;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {
    this.snapshot = new LettingSnapshot(pool);
  }

  /** Checks the parameters as a whole (one problem listing every bad field) and against the places the store knows. */
  async resolve(query: ReportQueryDto, audience: Audience): Promise<ResolvedQuery> {
    const errors: FieldError[] = [];
    const fail = (field: string, message: string) => errors.push({ field, messages: [message] });
    let period: Period | undefined;
    if (query.period !== undefined) {
      if (query.from !== undefined || query.to !== undefined) fail('period', 'give either period or from and to, not both');
      period = namedPeriod(query.period);
    } else if (query.from !== undefined || query.to !== undefined) {
      if (audience === 'public') fail('from', 'custom ranges are for analysts; the open data has years, quarters and months');
      else if (query.from === undefined || query.to === undefined) fail(query.from === undefined ? 'from' : 'to', 'a custom range needs both from and to');
      else if (!isCalendarDate(query.from)) fail('from', 'from is not a calendar date');
      else if (!isCalendarDate(query.to)) fail('to', 'to is not a calendar date');
      else if (query.from > query.to) fail('to', 'to must not be before from');
      else if (dayNumber(query.to) - dayNumber(query.from) > MAX_RANGE_DAYS) fail('to', 'a range may cover at most 30 years');
      else period = customPeriod(query.from, query.to);
    } else fail('period', 'give a period (2025, 2025-Q2, 2025-04) or from and to');

    const by = [...new Set(query.by ?? [])];
    if (audience === 'public') {
      if (query.landlordId !== undefined) fail('landlordId', 'the landlord cut is for analysts');
      if (by.includes('landlord')) fail('by', 'the landlord cut is for analysts');
      if (by.length > 1) fail('by', 'the open data breaks down by one cut at a time');
      if (query.source === 'raw') fail('source', 'raw is for analysts');
    }
    const facts = await this.snapshot.current();
    await this.checkKnown(facts, query, fail);
    if (errors.length > 0 || !period) throw new InvalidRequest(errors, 'The report parameters are invalid; see errors for each field.');

    const filter: LettingFilter = Object.fromEntries(
      Object.entries({ municipality: query.municipality, district: query.district, rooms: query.rooms, listingType: query.listingType, landlordId: query.landlordId }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    const { suppressionThreshold } = await this.policy.on(stockholmDate(this.clock.now()));
    return { period, filter, by, granularity: query.granularity ?? 'month', threshold: suppressionThreshold, source: query.source ?? 'store' };
  }

  envelope(report: string, q: ResolvedQuery): ReportEnvelope {
    return {
      report,
      period: q.period,
      filter: q.filter,
      generatedOn: stockholmDate(this.clock.now()),
      source: q.source,
      suppression: { threshold: q.threshold, rule: `Figures built from fewer than ${q.threshold} lettings or persons are withheld (null in JSON, ".." in CSV).` },
    };
  }

  async lettings(q: ResolvedQuery): Promise<LettingsReport> {
    if (q.source === 'raw') return rawLettingsReport(this.pool, q);
    return lettingsReport(await this.snapshot.current(), q, q.by.includes('landlord') ? await this.landlordNames() : new Map());
  }

  async lettingsSeries(q: ResolvedQuery): Promise<LettingsSeries> {
    return q.source === 'raw' ? rawLettingsSeries(this.pool, q) : lettingsSeries(await this.snapshot.current(), q);
  }

  async queueTimeNeeded(q: ResolvedQuery): Promise<QueueTimeNeededCell[]> {
    return q.source === 'raw' ? rawQueueTimeNeeded(this.pool, q) : queueTimeNeeded(await this.snapshot.current(), q);
  }

  seekers(q: ResolvedQuery): Promise<SeekersSeries> {
    return seekersSeries(this.pool, q);
  }

  seekersWanted(q: ResolvedQuery, cut: WantedCut): Promise<WantedRow[]> {
    return seekersWanted(this.pool, q, cut);
  }

  seekersByAge(q: ResolvedQuery): Promise<AgeGroupRow[]> {
    return seekersByAge(this.pool, q);
  }

  /** The municipalities and districts a report may name, and the landlords (analysts only). */
  async places(audience: Audience) {
    const { rows } = await this.pool.query<{ municipality: string; district: string }>(`SELECT DISTINCT municipality, district FROM statistics.listings WHERE district IS NOT NULL`);
    const facts = await this.snapshot.current();
    const known = new Map<string, Set<string>>();
    const add = (municipality: string, district: string) => known.set(municipality, (known.get(municipality) ?? new Set()).add(district));
    for (const row of rows) add(row.municipality, row.district);
    for (let i = 0; i < facts.capacity; i++) {
      if (facts.counted[i]) add(facts.dictionaries.municipality.values[facts.municipality[i]], facts.dictionaries.district.values[facts.district[i]]);
    }
    const municipalities = [...known.entries()].sort(([a], [b]) => a.localeCompare(b, 'sv')).map(([name, districts]) => ({ name, districts: [...districts].sort((a, b) => a.localeCompare(b, 'sv')) }));
    if (audience === 'public') return { municipalities };
    const names = await this.landlordNames();
    return { municipalities, landlords: [...names.entries()].map(([landlordId, name]) => ({ landlordId, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv')) };
  }

  private async landlordNames(): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ landlord_id: string; name: string }>('SELECT landlord_id, name FROM statistics.landlords');
    return new Map(rows.map((r) => [r.landlord_id, r.name]));
  }

  /** A municipality, district or landlord the store has never seen is a mistake in the request, not an empty report. */
  private async checkKnown(facts: LettingFacts, query: ReportQueryDto, fail: (field: string, message: string) => void): Promise<void> {
    const d = facts.dictionaries;
    const listed = async (column: 'municipality' | 'district', value: string) => (await this.pool.query(`SELECT 1 FROM statistics.listings WHERE ${column} = $1 LIMIT 1`, [value])).rows.length > 0;
    if (query.municipality !== undefined && d.municipality.find(query.municipality) === undefined && !(await listed('municipality', query.municipality))) {
      fail('municipality', `unknown municipality "${query.municipality}"; see /statistics/open/places`);
    }
    if (query.district !== undefined && d.district.find(query.district) === undefined && !(await listed('district', query.district))) {
      fail('district', `unknown district "${query.district}"; see /statistics/open/places`);
    }
    if (query.landlordId !== undefined && d.landlord.find(query.landlordId) === undefined) {
      const { rows } = await this.pool.query('SELECT 1 FROM statistics.landlords WHERE landlord_id = $1', [query.landlordId]);
      if (rows.length === 0) fail('landlordId', 'unknown landlord');
    }
  }
}
