import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { idempotencyMarkFor } from '@bostadsko/command-handling';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { seekerOf } from '../access/access.js';
import { contextOf } from '../command-context.js';
import { seekerStream } from './seeker.events.js';
import { ApplicationIntake } from './application-intake.js';
import type { ApplicationView } from './application-views.js';
import type { ApplyBody } from './apply.route.js';

/** POST /applications (a fast route): a seeker applies with their declaration. */
export class ApplyForListing extends Command<ApplicationView> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly body: ApplyBody,
  ) {
    super();
  }
}

/** Hands the apply to the intake, which decides applies arriving together in one batch. */
@CommandHandler(ApplyForListing)
export class ApplyForListingHandler implements ICommandHandler<ApplyForListing, ApplicationView> {
  constructor(private readonly intake: ApplicationIntake) {}

  async execute({ user, body }: ApplyForListing): Promise<ApplicationView> {
    const { listingId, ...declaration } = body;
    const applicantId = seekerOf(user);
    // Taken here, in the request: the intake decides in a batch that runs in whichever request started it.
    const idempotencyMark = idempotencyMarkFor(seekerStream(applicantId)) ?? null;
    const applied = await this.intake.apply({ applicantId, listingId, declaration, context: contextOf(applicantId, { idempotencyMark }) });
    return { ...applied, status: 'active' };
  }
}
