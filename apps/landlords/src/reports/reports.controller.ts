import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { Transform } from 'class-transformer';
import { QueryBus } from '@nestjs/cqrs';
import { IsCalendarDate, DomainRuleViolation, Roles, QueryNumber } from '@bostadsko/platform';
import { requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import { LISTING_COLUMNS, LISTING_STATES, PROPOSAL_COLUMNS } from '../listings/listing-views.query.js';
import { Clock } from '@bostadsko/clock';
import { ExistingLandlord } from '../organisation/organisation.queries.js';
import { addDays, daysBetween, stockholmDate } from '@bostadsko/calendar';
import type { Reply } from '../shared/context.js';
import { toCsv } from '../shared/csv.js';
import { FORMATS } from '../shared/validators.js';
import { LETTING_COLUMNS, VACANCY_COLUMNS } from './reports.query.js';
import { LandlordLettingReport, LandlordListings, LandlordProposals, LandlordVacancyReport } from './landlord-views.queries.js';

class FormatQuery {
  @ApiPropertyOptional({ enum: FORMATS, default: 'json' }) @IsOptional() @IsIn(FORMATS) format?: (typeof FORMATS)[number];
}

class PageQuery extends FormatQuery {
  @QueryNumber({ min: 1, max: 10_000, integer: true, default: 1000 }) limit?: number;
  @QueryNumber({ min: 0, max: 1_000_000, integer: true, default: 0 }) offset?: number;
}

const page = (query: PageQuery) => ({ limit: query.limit ?? 1000, offset: query.offset ?? 0 });

class ListingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LISTING_STATES }) @IsOptional() @IsIn(LISTING_STATES) state?: string;
}

class ProposalsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() listingId?: string;
  @ApiPropertyOptional({ description: 'Only proposals still awaiting the decision' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pending?: boolean;
}

class PeriodQuery extends FormatQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Defaults to 1 January this year' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Defaults to today' }) @IsOptional() @IsCalendarDate() to?: string;
}

class OnQuery extends FormatQuery {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'Defaults to today' }) @IsOptional() @IsCalendarDate() on?: string;
}

const MAX_PERIOD_DAYS = 3 * 366;

/**
 * The landlord's own view: its listings, the applicants proposed to it, and
 * vacancy and letting reports of its flats, as JSON or CSV (?format=csv).
 */
@ApiTags('landlords: listings and reports')
@ApiBearerAuth()
@Roles('landlord', 'staff', 'admin')
@Controller('landlords/:landlordId')
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get('listings')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The landlord’s listings with their state' })
  async listings(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: ListingsQuery, @Res({ passthrough: true }) reply: Reply) {
    await this.allowed(caller, landlordId);
    const rows = await this.queries.execute(new LandlordListings(landlordId, query.state, page(query)));
    return query.format === 'csv' ? csv(reply, `listings-${landlordId}.csv`, LISTING_COLUMNS, rows) : rows;
  }

  @Get('proposals')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Applicants proposed to the landlord: place, household size, verification; no contact data' })
  async proposals(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: ProposalsQuery, @Res({ passthrough: true }) reply: Reply) {
    await this.allowed(caller, landlordId);
    const rows = await this.queries.execute(new LandlordProposals(landlordId, query.listingId, query.pending ?? false, page(query)));
    return query.format === 'csv' ? csv(reply, `proposals-${landlordId}.csv`, PROPOSAL_COLUMNS, rows) : rows;
  }

  @Get('reports/letting')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Flats let in the period, days to let and applications per listing; CSV lists each letting' })
  async letting(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: PeriodQuery, @Res({ passthrough: true }) reply: Reply) {
    await this.allowed(caller, landlordId);
    const today = stockholmDate(this.clock.now());
    const from = query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    if (from > to) throw new DomainRuleViolation(`from ${from} is after to ${to}`);
    if (daysBetween(from, to) > MAX_PERIOD_DAYS)
      throw new DomainRuleViolation(`A report covers at most ${MAX_PERIOD_DAYS} days; ${from}..${to} is longer (try until ${addDays(from, MAX_PERIOD_DAYS)})`);
    const report = await this.queries.execute(new LandlordLettingReport(landlordId, from, to));
    return query.format === 'csv' ? csv(reply, `letting-${landlordId}-${from}-${to}.csv`, LETTING_COLUMNS, report.lettings) : report;
  }

  @Get('reports/vacancy')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Flats advertised and not yet let on the date, with days vacant' })
  async vacancy(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: OnQuery, @Res({ passthrough: true }) reply: Reply) {
    await this.allowed(caller, landlordId);
    const on = query.on ?? stockholmDate(this.clock.now());
    const report = await this.queries.execute(new LandlordVacancyReport(landlordId, on));
    return query.format === 'csv' ? csv(reply, `vacancy-${landlordId}-${on}.csv`, VACANCY_COLUMNS, report.listings) : report;
  }

  private async allowed(caller: Caller, landlordId: string): Promise<void> {
    requireMember(caller, landlordId);
    await this.queries.execute(new ExistingLandlord(landlordId));
  }
}

function csv(reply: Reply, filename: string, columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  return toCsv(columns, rows);
}
