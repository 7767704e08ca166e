import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser, revisionFromIfMatch } from '@bostadsko/platform';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ScheduleShowingDto } from './letting.dto.js';
import { withEtag, type Reply } from './letting.http.js';
import { ScheduleShowing } from './schedule-showing.command.js';
import { ShowingsOfListing } from './letting.queries.js';

/** Staff or the listing's landlord schedule showings; each invites the next N of the ranking (policy). */
@ApiTags('letting')
@ApiBearerAuth()
@Roles('staff', 'admin', 'landlord')
@Controller('listings/:listingId/showings')
export class ShowingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: false, description: "The letting's ETag; a stale one gives 412" })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'The showing, with the invitations sent' })
  async schedule(
    @CurrentUser() user: AuthenticatedUser,
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Body() body: ScheduleShowingDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { answer, revision } = await this.commands.execute(new ScheduleShowing(user, listingId, body.slots, body.answerBy, revisionFromIfMatch(ifMatch)));
    withEtag(reply, revision);
    return answer;
  }

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string, @Res({ passthrough: true }) reply: Reply) {
    const { answer, revision } = await this.queries.execute(new ShowingsOfListing(user, listingId));
    withEtag(reply, revision);
    return answer;
  }
}
