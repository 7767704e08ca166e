import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { IsoDate } from '@bostadsko/calendar';
import { ApplicantService } from '../applicant/applicant.service.js';

/** A letting in listings that uses queue time: the tenant's queue time is used up on the contract date. */
export class UseUpQueueTime extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly listingId: string,
    readonly contractDate: IsoDate,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A cancelled letting gives the tenant back the queue time it used up. */
export class RestoreQueueTimeAfterCancelledLetting extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly listingId: string,
    readonly on: IsoDate,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(UseUpQueueTime)
export class UseUpQueueTimeHandler implements ICommandHandler<UseUpQueueTime, void> {
  constructor(private readonly applicants: ApplicantService) {}

  async execute({ applicantId, listingId, contractDate, context }: UseUpQueueTime): Promise<void> {
    await this.applicants.handle(applicantId, { type: 'use-up-queue-time', listingId, contractDate }, context);
  }
}

@CommandHandler(RestoreQueueTimeAfterCancelledLetting)
export class RestoreQueueTimeAfterCancelledLettingHandler implements ICommandHandler<RestoreQueueTimeAfterCancelledLetting, void> {
  constructor(private readonly applicants: ApplicantService) {}

  async execute({ applicantId, listingId, on, context }: RestoreQueueTimeAfterCancelledLetting): Promise<void> {
    await this.applicants.handle(applicantId, { type: 'restore-after-cancelled-letting', listingId, on }, context);
  }
}
