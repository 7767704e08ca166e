import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { CurrentUser, NotFound, PG_POOL, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { seekerStream } from '../applications/seeker.events.js';
import { isStaff } from './letting.access.js';
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
    private readonly seekers: SeekerHandler,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /** The listing of the caller's own application, from their own stream; staff find any through the participants read model. */
  private async listingOf(user: AuthenticatedUser, applicationId: string): Promise<{ listingId: string; applicantId: string }> {
    if (user.roles.includes('applicant')) {
      const { state } = await this.seekers.load(seekerStream(user.id));
      const application = state.applications[applicationId];
      if (application) return { listingId: application.listingId, applicantId: user.id };
    }
    if (isStaff(user)) {
      const { rows } = await this.pool.query<{ listing_id: string; applicant_id: string }>('SELECT listing_id, applicant_id FROM listings.letting_participants WHERE application_id = $1', [
        applicationId,
      ]);
      if (rows[0]) return { listingId: rows[0].listing_id, applicantId: rows[0].applicant_id };
    }
    throw new NotFound('No such application of yours');
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
