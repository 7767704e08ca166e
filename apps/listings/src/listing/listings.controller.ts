import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LISTING_TYPES, type ListingType } from '@bostadsko/contracts';
import { CurrentUser, Public, QueryNumber, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { landlordOf } from '../access/access.js';
import { SearchListingsQuery } from '../search/search.dto.js';
import { LandlordsListings, ListingDetails, ListingsInProgress, RequirementsTemplate, SearchListings } from './listing.queries.js';
import { PublishListing } from './publish-listing.command.js';
import { PublishListingDto } from './publish.dto.js';
import { WithdrawListing } from './withdraw-listing.command.js';

class TemplateQuery {
  @ApiPropertyOptional({ enum: LISTING_TYPES, default: 'regular' }) @IsOptional() @IsIn([...LISTING_TYPES]) listingType?: ListingType;
}

class PageQuery {
  @QueryNumber({ min: 1, max: 10_000, integer: true, default: 1 }) page?: number;
  @QueryNumber({ min: 1, max: 500, integer: true, default: 50 }) pageSize?: number;
}

/** Listings: public search and details; landlords publish and withdraw their own. */
@ApiTags('listings')
@Controller('listings')
export class ListingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'Listings open for applications, filtered, sorted and paged; no sign-in needed' })
  search(@Query() query: SearchListingsQuery) {
    return this.queries.execute(new SearchListings(query));
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
  mine(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery) {
    return this.queries.execute(new LandlordsListings(landlordOf(user), query.page ?? 1, query.pageSize ?? 50));
  }

  @Get('in-progress')
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: 'For staff: listings past their deadline and not yet closed, and ranked listings being let, by deadline' })
  inProgress(@Query() query: PageQuery) {
    return this.queries.execute(new ListingsInProgress(query.page ?? 1, query.pageSize ?? 50));
  }

  @Get('requirements-template')
  @ApiBearerAuth()
  @Roles('landlord')
  @ApiOkResponse({ description: "Requirements prefilled from the landlord's letting guideline in force today, for the listing type" })
  template(@CurrentUser() user: AuthenticatedUser, @Query() query: TemplateQuery) {
    return this.queries.execute(new RequirementsTemplate(landlordOf(user), query.listingType ?? 'regular'));
  }

  @Get(':listingId')
  @Public()
  @ApiOkResponse({ description: 'The flat, its requirements, dates, status, allocation method (queue-days, first-come, lottery); the lottery seed hash where it is a lottery' })
  details(@Param('listingId', ParseUUIDPipe) listingId: string) {
    return this.queries.execute(new ListingDetails(listingId));
  }

  @Post(':listingId/withdraw')
  @ApiBearerAuth()
  @Roles('landlord', 'staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Withdrawn: the listing as it now stands, its applications ended' })
  @ApiForbiddenResponse({ description: "Another landlord's listing" })
  async withdraw(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string) {
    await this.commands.execute(new WithdrawListing(user, listingId));
    return this.details(listingId);
  }
}
