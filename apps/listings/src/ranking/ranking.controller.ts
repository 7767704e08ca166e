import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentUser, Public, QueryNumber, Roles, TokenService, type AuthenticatedUser } from '@bostadsko/platform';
import { CloseDueListings, CloseListing } from './close-listings.command.js';
import { ListingExplanation } from './ranking.queries.js';

class RankingPageQuery {
  @QueryNumber({ min: 1, max: 10_000, integer: true, default: 1 }) page?: number;
  @QueryNumber({ min: 1, max: 1000, integer: true, default: 100 }) pageSize?: number;
}

/** The ranking's explanation and the close that decides it; the ranking itself is RankingPageRoute. */
@ApiTags('ranking')
@Controller('listings')
export class RankingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly tokens: TokenService,
  ) {}

  @Get(':listingId/explanation')
  @Public()
  @ApiOkResponse({ description: 'Rules and policy in force, method, lottery seed and recipe, excluded by reason, places with queue days (anonymous unless staff)' })
  async explanation(@Param('listingId', ParseUUIDPipe) listingId: string, @Query() query: RankingPageQuery, @Headers('authorization') authorization?: string) {
    // Public, but staff who send their token see applicant ids and every exclusion.
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const user = token ? this.tokens.userOf(token) : undefined;
    return this.queries.execute(new ListingExplanation(listingId, user, query.page, query.pageSize));
  }

  @Post(':listingId/close')
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Ranks the listing now if its deadline has passed; idempotent' })
  closeOne(@CurrentUser() _user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string) {
    return this.commands.execute(new CloseListing(listingId));
  }

  @Post('jobs/close-due')
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Runs the scheduled close now: ranks every listing past its deadline, ends listings of terminated agreements' })
  closeDue() {
    return this.commands.execute(new CloseDueListings());
  }
}
