import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { Sealed } from '@bostadsko/personal-data';
import { ApplicantService } from '../applicant/applicant.service.js';

/** Failed sign-ins locked the account for a while: noted in its history, with the address they came from sealed. */
export class NoteSignInThrottled extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly failedAttempts: number,
    readonly lockedUntil: string,
    readonly fromAddress: Sealed,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(NoteSignInThrottled)
export class NoteSignInThrottledHandler implements ICommandHandler<NoteSignInThrottled, void> {
  constructor(private readonly applicants: ApplicantService) {}

  async execute({ applicantId, failedAttempts, lockedUntil, fromAddress, context }: NoteSignInThrottled): Promise<void> {
    await this.applicants.handle(applicantId, { type: 'note-sign-in-throttled', failedAttempts, lockedUntil, fromAddress }, context);
  }
}
