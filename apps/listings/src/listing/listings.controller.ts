import { methodFor } from '../ranking/rank.js';
import { CommandBus } from '@nestjs/cqrs';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type pg from 'pg';
import { LISTING_TYPES, type ListingType } from '../../../../libs/contracts/src/index.js';
import { CurrentUser, NotFound, PG_POOL, Public, Roles, type AuthenticatedUser } from '../../../../libs/platform/src/index.js';
import { landlordOf } from '../access/access.js';
import { Clock } from '../../../../libs/clock/src/index.js';
import { stockholmDate } from '../../../../libs/calendar/src/calendar.js';
import { landlordTimelines } from '../read-models/landlords.projection.js';
import { LISTING_COLUMNS, listingView, type ListingRow } from '../search/listing-view.js';
import { SearchListingsQuery } from '../search/search.dto.js';
import { searchListings } from '../search/search.query.js';
import { PublishListing } from './publish-listing.command.js';
import { WithdrawListing } from './withdraw-listing.command.js';
import { ListingReader } from './listing.reader.js';
import { PublishListingDto } from './publish.dto.js';
import { requirementsFor } from './requirements-template.js';

class TemplateQuery {
  @ApiPropertyOptional({ enum: LISTING_TYPES, default: 'regular' }) @IsOptional() @IsIn([...LISTING_TYPES]) listingType?: ListingType;
}

class PageQuery {
  @ApiPropertyOptional({ default: 1, maximum: 10_000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

/** Listings: public search and details; landlords publish and withdraw their own. */
@ApiTags('listings')
@Controller('listings')
export class ListingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ListingReader,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'Listings open for applications, filtered, sorted and paged; no sign-in needed' })
  search(@Query() query: SearchListingsQuery) {
    return searchListings(this.pool, query, stockholmDate(this.clock.now()));
  }

  @Post()
  @ApiBearerAuth()
  @Roles('landlord')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'Published; the requirements are fixed from now on' })
  @ApiUnprocessableEntityResponse({ description: 'No active agreement, or dates that break the rules' })
  async publish(@CurrentUser() user: AuthenticatedUser, @Body() body: PublishListingDto) {
    const { listingId } = await this.commands.execute(new PublishListing(user, body));
    return this.details(listingId);
  }

  @Get('mine')
  @ApiBearerAuth()
  @Roles('landlord')
  @ApiOkResponse({ description: "The landlord's own listings, every status, newest first" })
  async mine(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery) {
    const pageSize = query.pageSize ?? 50;
    const { rows } = await this.pool.query<ListingRow>(`SELECT ${LISTING_COLUMNS} FROM listings.listings WHERE landlord_id = $1 ORDER BY published_at DESC, listing_id LIMIT $2 OFFSET $3`, [
      landlordOf(user),
      pageSize,
      ((query.page ?? 1) - 1) * pageSize,
    ]);
    return rows.map(listingView);
  }

  @Get('requirements-template')
  @ApiBearerAuth()
  @Roles('landlord')
  @ApiOkResponse({ description: "Requirements prefilled from the landlord's letting guideline in force today, for the listing type" })
  async template(@CurrentUser() user: AuthenticatedUser, @Query() query: TemplateQuery) {
    const { guidelines } = await landlordTimelines(this.pool, landlordOf(user));
    return requirementsFor(guidelines, query.listingType ?? 'regular', stockholmDate(this.clock.now()));
  }

  @Get(':listingId')
  @Public()
  @ApiOkResponse({ description: 'The flat, its requirements, dates, status, allocation method (queue-days, first-come, lottery); the lottery seed hash where it is a lottery' })
  details(@Param('listingId', ParseUUIDPipe) listingId: string) {
    return this.view(listingId);
  }

  @Post(':listingId/withdraw')
  @ApiBearerAuth()
  @Roles('landlord', 'staff', 'admin')
  @HttpCode(200)
  @ApiForbiddenResponse({ description: "Another landlord's listing" })
  async withdraw(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string) {
    await this.commands.execute(new WithdrawListing(user, listingId));
    return this.details(listingId);
  }

  private async view(listingId: string) {
    const listing = await this.reader.get(listingId);
    if (!listing) throw new NotFound('No such listing');
    const { published, ranked } = listing;
    return {
      listingId,
      landlordId: published.landlordId,
      status: listing.status,
      ...published.flat,
      requirements: published.requirements,
      applicationDeadline: published.applicationDeadline,
      publishedOn: published.publishedOn,
      // How the listing will be allocated, so a listing page needs no second call for it.
      allocationMethod: methodFor(published.flat.listingType),
      ...(published.lotterySeedHash && { lotterySeedHash: published.lotterySeedHash }),
      ...(ranked && { applications: ranked.applications, eligible: ranked.ranking.length, rankedAt: ranked.rankedAt, ...(ranked.lotterySeed && { lotterySeed: ranked.lotterySeed }) }),
      ...(listing.withdrawn && { endedOn: listing.withdrawn.on, endedReason: listing.withdrawn.reason }),
    };
  }
}
