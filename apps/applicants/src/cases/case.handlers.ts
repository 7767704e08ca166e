import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@bostadsko/command-handling';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import type { CaseChannel } from '../applicant/applicant.events.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { VAULT } from '../applicants.tokens.js';

interface CaseStatus {
  readonly caseId: string;
  readonly status: 'open' | 'answered';
}

/** A customer case on the account; its text is sealed under the seeker's key, as it may hold personal data. */
export class RegisterApplicantCase extends Command<CaseStatus> {
  constructor(
    readonly applicantId: string,
    readonly details: { readonly channel: CaseChannel; readonly subject: string; readonly description: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Staff answer a customer case. */
export class AnswerApplicantCase extends Command<CaseStatus> {
  constructor(
    readonly applicantId: string,
    readonly caseId: string,
    readonly answer: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterApplicantCase)
export class RegisterApplicantCaseHandler implements ICommandHandler<RegisterApplicantCase, CaseStatus> {
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ applicantId, details, context }: RegisterApplicantCase): Promise<CaseStatus> {
    const description = await this.vault.seal(applicantId, details.description);
    const { events } = await this.applicants.handle(
      applicantId,
      { type: 'register-case', caseId: randomUUID(), channel: details.channel, subject: details.subject, description, registeredBy: context.actor },
      context,
    );
    // From the events, not the id drawn above: a replayed request answers with the case it made the first time.
    const registered = events.find((e) => e.type === 'case-registered');
    if (!registered) throw new Error('registering a case recorded no case');
    return { caseId: registered.data.caseId, status: 'open' };
  }
}

@CommandHandler(AnswerApplicantCase)
export class AnswerApplicantCaseHandler implements ICommandHandler<AnswerApplicantCase, CaseStatus> {
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ applicantId, caseId, answer, context }: AnswerApplicantCase): Promise<CaseStatus> {
    const sealed = await this.vault.seal(applicantId, answer);
    await this.applicants.handle(applicantId, { type: 'answer-case', caseId, answer: sealed, answeredBy: context.actor }, context);
    return { caseId, status: 'answered' };
  }
}
