import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@bostadsko/clock';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { seekerOf } from '../access/access.js';
import { contextOf } from '../command-context.js';
import { listingStream } from '../listing/listing.events.js';
import { seekerStream } from './seeker.events.js';
import { ListingHandler } from '../listing/listing.stream.js';
import { ApplicationViews, type ApplicationView } from './application-views.js';
import { SeekerHandler } from './seeker.stream.js';

/** POST /applications/:id/withdraw: the seeker's own, before the deadline. */
export class WithdrawApplication extends Command<ApplicationView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly applicationId: string,
  ) {
    super();
  }
}

@CommandHandler(WithdrawApplication)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplication, ApplicationView> {
  constructor(
    private readonly views: ApplicationViews,
    private readonly listings: ListingHandler,
    private readonly seekers: SeekerHandler,
    private readonly clock: Clock,
  ) {}

  async execute({ user, applicationId }: WithdrawApplication): Promise<ApplicationView> {
    const applicantId = seekerOf(user);
    const application = await this.views.own(applicantId, applicationId);
    const { state: listing } = await this.listings.load(listingStream(application.listingId));
    const { state } = await this.seekers.handleOn(
      seekerStream(applicantId),
      () => ({ type: 'withdraw', applicationId, now: this.clock.now(), reason: 'by-seeker', listingDeadline: listing.status === 'open' ? listing.published.applicationDeadline : null }),
      contextOf(applicantId),
    );
    return this.views.view(state.applications[applicationId]);
  }
}
