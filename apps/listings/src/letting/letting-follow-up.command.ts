import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { RecordedEvent } from '@bostadsko/event-store';
import { seekerStream } from '../applications/seeker.events.js';
import { SeekerApplicationsService } from '../applications/seeker-applications.service.js';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { listingStream } from '../listing/listing.events.js';
import { ListingHandler } from '../listing/listing.stream.js';
import type { FollowUp } from './letting.follow-ups.js';

/** What a letting event means for a seeker's or the listing's stream (avhopp, ended applications, the listing let or ended). */
export class CarryOutLettingFollowUp extends Command<void> {
  constructor(
    readonly listingId: string,
    readonly followUp: FollowUp,
    /** When the letting event was recorded: the time an application it ends ended. */
    readonly recordedAt: RecordedEvent['recordedAt'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CarryOutLettingFollowUp)
export class CarryOutLettingFollowUpHandler implements ICommandHandler<CarryOutLettingFollowUp, void> {
  constructor(
    private readonly seekers: SeekerHandler,
    private readonly applications: SeekerApplicationsService,
    private readonly listings: ListingHandler,
  ) {}

  async execute({ listingId, followUp, recordedAt, context }: CarryOutLettingFollowUp): Promise<void> {
    switch (followUp.kind) {
      case 'record-avhopp':
        return this.applications.recordAvhopp(followUp.applicantId, { listingId, applicationId: followUp.applicationId, on: followUp.on, kind: followUp.avhopp }, context);
      case 'end-application':
        await this.seekers.handleOn(seekerStream(followUp.applicantId), () => ({ type: 'withdraw', applicationId: followUp.applicationId, now: recordedAt, reason: followUp.reason }), context);
        return;
      case 'mark-let':
        await this.listings.handleOn(
          listingStream(listingId),
          () => ({ type: 'mark-let', tenantApplicantId: followUp.applicantId, applicationId: followUp.applicationId, contractDate: followUp.contractDate }),
          context,
        );
        return;
      case 'withdraw-tenants-other-applications':
        return this.applications.withdrawAll(followUp.applicantId, 'let-to-seeker-elsewhere', followUp.applicationId, { ...context, actor: 'listings:let-to-seeker-elsewhere' });
      case 'end-listing-no-one-left':
        await this.listings.handleOn(listingStream(listingId), () => ({ type: 'withdraw', on: followUp.on, by: 'listings:letting', reason: 'no-eligible-applicant' }), context);
        return;
    }
  }
}
