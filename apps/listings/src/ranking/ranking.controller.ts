import { Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type pg from 'pg';
import { CurrentUser, NotFound, PG_POOL, Public, Roles, TokenService, type AuthenticatedUser } from '../../../../libs/platform/src/index.js';
import { CloseService } from './close.service.js';
import { ExplanationService } from './explanation.service.js';

class RankingPageQuery {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}

/** The ranking, its explanation, and the close that decides it. */
@ApiTags('ranking')
@Controller('listings')
export class RankingController {
  constructor(
    private readonly close: CloseService,
    private readonly explanations: ExplanationService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly tokens: TokenService,
  ) {}

  @Get(':listingId/ranking')
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: 'The decided ranking with applicant ids, a page at a time (staff only: landlords see the applicants proposed to them)' })
  async ranking(@Param('listingId', ParseUUIDPipe) listingId: string, @Query() query: RankingPageQuery, @Res({ passthrough: true }) reply: { header(name: string, value: string): unknown }): Promise<string> {
    const pageSize = query.pageSize ?? 100;
    const from = ((query.page ?? 1) - 1) * pageSize;
    // One round trip: the listing's status and count with the page of places, built as JSON by PostgreSQL.
    const { rows } = await this.pool.query<{ status: string; eligible: number | null; ranking: string }>(
      `SELECT l.status, l.eligible, coalesce((
         SELECT json_agg(json_build_object('place', r.place, 'applicationId', r.application_id, 'applicantId', r.applicant_id, 'queueDays', r.queue_days,
           'queueStartDate', r.queue_start_date, 'appliedAt', r.applied_at) ORDER BY r.place)
         FROM listings.ranking r WHERE r.listing_id = l.listing_id AND r.place > $2 AND r.place <= $3)::text, '[]') AS ranking
       FROM listings.listings l WHERE l.listing_id = $1`,
      [listingId, from, from + pageSize],
    );
    if (!rows[0]) throw new NotFound('No such listing');
    // The page is sent as PostgreSQL wrote it: parsing and re-serialising a hundred places would only cost time.
    reply.header('content-type', 'application/json; charset=utf-8');
    const head = JSON.stringify({ listingId, status: rows[0].status, eligible: rows[0].eligible, page: query.page ?? 1, pageSize });
    return `${head.slice(0, -1)},"ranking":${rows[0].ranking}}`;
  }

  @Get(':listingId/explanation')
  @Public()
  @ApiOkResponse({ description: 'Rules and policy in force, method, lottery seed and recipe, excluded by reason, places with queue days (anonymous unless staff)' })
  async explanation(@Param('listingId', ParseUUIDPipe) listingId: string, @Query() query: RankingPageQuery, @Headers('authorization') authorization?: string) {
    // Public, but staff who send their token see applicant ids and every exclusion.
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const user = token ? await this.tokens.verify(token).catch(() => undefined) : undefined;
    return this.explanations.forListing(listingId, user, query.page, query.pageSize);
  }

  @Post(':listingId/close')
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Ranks the listing now if its deadline has passed; idempotent' })
  async closeOne(@CurrentUser() _user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string) {
    const { state } = await this.close.close(listingId);
    if (state.status === 'none') throw new NotFound('No such listing');
    return { listingId, status: state.status, eligible: state.ranked?.ranking.length ?? null, applications: state.ranked?.applications ?? null };
  }

  @Post('jobs/close-due')
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Runs the scheduled close now: ranks every listing past its deadline, ends listings of terminated agreements' })
  closeDue() {
    return this.close.runDue();
  }
}
