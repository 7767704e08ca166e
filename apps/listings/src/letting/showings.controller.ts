import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '../../../../libs/platform/src/index.js';
import { CommandBus } from '@nestjs/cqrs';
import { assertStaffOrListingsLandlord } from './letting.access.js';
import { ScheduleShowingDto } from './letting.dto.js';
import { withEtag, type Reply } from './letting.http.js';
import { ScheduleShowing } from './schedule-showing.command.js';
import { showingView } from './showing.view.js';
import { revisionFromIfMatch } from '../../../../libs/platform/src/index.js';
import { LettingService } from './letting.service.js';

/** Staff or the listing's landlord schedule showings; each invites the next N of the ranking (policy). */
@ApiTags('letting')
@ApiBearerAuth()
@Roles('staff', 'admin', 'landlord')
@Controller('listings/:listingId/showings')
export class ShowingsController {
  constructor(
    private readonly letting: LettingService,
    private readonly commands: CommandBus,
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
    const { context, state, revision } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    withEtag(reply, revision);
    return state.showings.map((s) => showingView(state, user, s.showingId));
  }
}
