import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { assertStaffOrListingsLandlord, isStaff } from './letting.access.js';
import { ScheduleShowingDto } from './letting.dto.js';
import { actorOf, withEtag, type Reply } from './letting.http.js';
import type { LettingState } from './letting.decider.js';
import { LettingService } from './letting.service.js';

/** Staff or the listing's landlord schedule showings; each invites the next N of the ranking (policy). */
@ApiTags('letting')
@ApiBearerAuth()
@Roles('staff', 'admin', 'landlord')
@Controller('listings/:listingId/showings')
export class ShowingsController {
  constructor(private readonly letting: LettingService) {}

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
    const actor = actorOf(user, ifMatch);
    const { context } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    const showingId = randomUUID();
    const lastDay = body.slots
      .map((s) => stockholmDate(new Date(s.endsAt)))
      .sort()
      .at(-1) as string;
    const result = await this.letting.handle(
      listingId,
      async (loaded, rules, now) => ({
        type: 'schedule-showing',
        showingId,
        slots: body.slots.map((s) => ({ startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString() })),
        answerBy: body.answerBy ?? addDays(lastDay, rules.interestAnswerDays),
        withdrawn: await this.letting.withdrawnAmongNext(loaded, rules),
        now,
        by: user.id,
      }),
      actor,
    );
    withEtag(reply, result.revision);
    return this.view(result.state, user, showingId);
  }

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string, @Res({ passthrough: true }) reply: Reply) {
    const { context, state, revision } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    withEtag(reply, revision);
    return state.showings.map((s) => this.view(state, user, s.showingId));
  }

  /** Staff see who was invited and their answers; a landlord sees how many per slot. */
  private view(state: LettingState, user: AuthenticatedUser, showingId: string) {
    const showing = state.showings.find((s) => s.showingId === showingId);
    if (!showing) return undefined;
    const invitations = showing.invited.map((id) => state.invitations[id]);
    return {
      showingId,
      answerBy: showing.answerBy,
      slots: showing.slots.map((slot, i) => ({ ...slot, invited: invitations.filter((inv) => inv.slot === i).length })),
      invited: invitations.length,
      ...(isStaff(user) && {
        invitations: invitations.map((i) => ({ applicationId: i.applicationId, applicantId: i.applicantId, place: i.place, slot: i.slot, answer: i.answer, answeredAt: i.answeredAt ?? null })),
        skipped: Object.values(state.skipped),
      }),
    };
  }
}
