import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { ApplicationListing } from './application-listing.query.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AnswerInterest } from './answer-interest.command.js';
import { BackOut } from './back-out.command.js';
import { InterestDto } from './letting.dto.js';
import { Invitation } from './letting.queries.js';

/** A seeker's own showing invitation and offer, answered by application id. */
@ApiTags('letting')
@ApiBearerAuth()
@Controller('applications/:applicationId')
export class InterestController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private listingOf(user: AuthenticatedUser, applicationId: string): Promise<{ listingId: string; applicantId: string }> {
    return this.queries.execute(new ApplicationListing(user, applicationId));
  }

  @Get('invitation')
  @Roles('applicant', 'staff', 'admin')
  @ApiOkResponse({ description: 'Your place, showing slot, answer deadline, answer and how far you got; those placed above you counted by outcome only' })
  async invitation(@CurrentUser() user: AuthenticatedUser, @Param('applicationId', ParseUUIDPipe) applicationId: string) {
    const { listingId } = await this.listingOf(user, applicationId);
    return this.queries.execute(new Invitation(listingId, applicationId));
  }

  @Post('interest')
  @Roles('applicant')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: 'Recorded; a yes from the best-placed applicant still in the running starts verification at once' })
  async answer(@CurrentUser() user: AuthenticatedUser, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: InterestDto) {
    const { listingId, applicantId } = await this.listingOf(user, applicationId);
    return this.commands.execute(new AnswerInterest(user, listingId, applicationId, applicantId, body.interested));
  }

  @Post('back-out')
  @Roles('applicant')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: 'Backing out after saying yes: a withdrawal (avhopp); two within 12 months block applying for 6 months' })
  async backOut(@CurrentUser() user: AuthenticatedUser, @Param('applicationId', ParseUUIDPipe) applicationId: string) {
    const { listingId, applicantId } = await this.listingOf(user, applicationId);
    return this.commands.execute(new BackOut(user, listingId, applicationId, applicantId));
  }
}
