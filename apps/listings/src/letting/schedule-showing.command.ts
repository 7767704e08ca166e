import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { addDays, stockholmDate } from '@bostadsko/calendar';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { assertStaffOrListingsLandlord } from './letting.access.js';
import type { LettingAnswer } from './letting-answer.js';
import { LettingService } from './letting.service.js';
import { showingView } from './showing.view.js';

/** POST /listings/:id/showings: staff or the listing's landlord invite the next N of the ranking (policy) to a showing. */
export class ScheduleShowing extends Command<LettingAnswer<ReturnType<typeof showingView>>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
    readonly slots: ReadonlyArray<{ readonly startsAt: string; readonly endsAt: string }>,
    readonly answerBy: string | undefined,
    readonly expectedRevision: bigint | undefined,
  ) {
    super();
  }
}

@CommandHandler(ScheduleShowing)
export class ScheduleShowingHandler implements ICommandHandler<ScheduleShowing, LettingAnswer<ReturnType<typeof showingView>>> {
  constructor(private readonly letting: LettingService) {}

  async execute({ user, listingId, slots, answerBy, expectedRevision }: ScheduleShowing): Promise<LettingAnswer<ReturnType<typeof showingView>>> {
    const { context } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    const showingId = randomUUID();
    const lastDay = slots
      .map((s) => stockholmDate(new Date(s.endsAt)))
      .sort()
      .at(-1) as string;
    const result = await this.letting.handle(
      listingId,
      async (view, rules, now) => ({
        type: 'schedule-showing',
        showingId,
        slots: slots.map((s) => ({ startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString() })),
        answerBy: answerBy ?? addDays(lastDay, rules.interestAnswerDays),
        withdrawn: await this.letting.withdrawnAmongNext(view, rules),
        now,
        by: user.id,
      }),
      { id: user.id, expectedRevision },
    );
    // From the events: a retried request is answered with the showing its first attempt scheduled.
    const scheduled = result.events.find((e) => e.type === 'showing-scheduled');
    return { answer: showingView(result.state, user, scheduled?.type === 'showing-scheduled' ? scheduled.data.showingId : showingId), revision: result.revision };
  }
}
