import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { NotFound } from '@bostadsko/platform';
import type { ApplicantState } from '../applicant/applicant.decider.js';
import type { PersonalDetails } from '../applicant/applicant.events.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { currentDetails } from '../applicant/personal-details.js';
import { VAULT } from '../applicants.tokens.js';

type ContactChange = Partial<Pick<PersonalDetails, 'name' | 'email' | 'phone' | 'address'>>;

/** The seeker (or staff) changes the account's contact details; the answer is the details now held, and the new revision. */
export class ChangeContactDetails extends Command<{ details: PersonalDetails; revision: bigint | undefined }> {
  constructor(
    readonly applicantId: string,
    readonly change: ContactChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The seeker closes their own account (or staff on their behalf). */
export class CloseAccount extends Command<ApplicantState['status']> {
  constructor(
    readonly applicantId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeContactDetails)
export class ChangeContactDetailsHandler implements ICommandHandler<ChangeContactDetails, { details: PersonalDetails; revision: bigint | undefined }> {
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ applicantId, change, context }: ChangeContactDetails): Promise<{ details: PersonalDetails; revision: bigint | undefined }> {
    const { events } = await this.applicants.load(applicantId);
    const current = await currentDetails(this.vault, events);
    if (!current) throw new NotFound('No such account, or its personal data has been erased');
    const details = { ...current, ...change };
    const personal = await this.vault.seal(applicantId, details);
    const { revision } = await this.applicants.handle(applicantId, { type: 'change-personal-details', personal, changedBy: context.actor }, context);
    return { details, revision };
  }
}

@CommandHandler(CloseAccount)
export class CloseAccountHandler implements ICommandHandler<CloseAccount, ApplicantState['status']> {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, context }: CloseAccount): Promise<ApplicantState['status']> {
    const { state } = await this.applicants.handle(applicantId, { type: 'close', on: stockholmDate(this.clock.now()), closedBy: context.actor }, context);
    return state.status;
  }
}
