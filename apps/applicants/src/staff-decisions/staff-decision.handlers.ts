import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { Conflict, NotFound } from '@bostadsko/platform';
import type { ApplicantState } from '../applicant/applicant.decider.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { IdentityService } from '../applicant/identity.service.js';
import { currentDetails } from '../applicant/personal-details.js';
import type { Personnummer } from '../applicant/personnummer.js';
import { VAULT } from '../applicants.tokens.js';
import type { QueueDecisionDto, TransferDto } from './staff-decisions.dto.js';

/** A case officer's decision on the queue start date, recorded with who, why and in which case. */
export class ChangeQueueStart extends Command<ApplicantState> {
  constructor(
    readonly applicantId: string,
    readonly decision: QueueDecisionDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Queue time moves to another account: the receiver gets the earlier start date first; only then is the giver's account closed. */
export class TransferQueueTime extends Command<ApplicantState> {
  constructor(
    readonly applicantId: string,
    readonly transfer: TransferDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Same account, new number: the new one is claimed first, so it cannot belong to two accounts. */
export class ChangePersonnummer extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly personnummer: Personnummer,
    readonly caseId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * GDPR erasure of a closed account: the identity claim is released (while the number can
 * still be read), then the person's key is destroyed. The events stay.
 */
export class EraseApplicant extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeQueueStart)
export class ChangeQueueStartHandler implements ICommandHandler<ChangeQueueStart, ApplicantState> {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, decision, context }: ChangeQueueStart): Promise<ApplicantState> {
    const effectiveFrom = decision.effectiveFrom ?? stockholmDate(this.clock.now());
    return (await this.applicants.handle(applicantId, { type: 'staff-change-queue-start', ...decision, effectiveFrom, decidedBy: context.actor }, context)).state;
  }
}

@CommandHandler(TransferQueueTime)
export class TransferQueueTimeHandler implements ICommandHandler<TransferQueueTime, ApplicantState> {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, transfer, context }: TransferQueueTime): Promise<ApplicantState> {
    const giver = await this.applicants.load(transfer.fromApplicantId);
    if (giver.state.status !== 'active' || giver.state.queueStartDate === null) throw new Conflict('The giving account has no active queue time');
    const decision = { caseId: transfer.caseId, explanation: transfer.explanation, decidedBy: context.actor, on: stockholmDate(this.clock.now()) };
    const { state } = await this.applicants.handle(
      applicantId,
      { type: 'receive-transfer', fromApplicantId: transfer.fromApplicantId, queueStartDate: giver.state.queueStartDate, ...decision },
      context,
    );
    await this.applicants.handle(transfer.fromApplicantId, { type: 'transfer-out', toApplicantId: applicantId, ...decision }, context);
    return state;
  }
}

@CommandHandler(ChangePersonnummer)
export class ChangePersonnummerHandler implements ICommandHandler<ChangePersonnummer, void> {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly identities: IdentityService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ applicantId, personnummer, caseId, context }: ChangePersonnummer): Promise<void> {
    const { events, state } = await this.applicants.load(applicantId);
    const details = await currentDetails(this.vault, events);
    if (state.status === 'none' || !details) throw new NotFound('No such account, or its personal data has been erased');
    if (!(caseId in state.cases)) throw new NotFound(`Case ${caseId} is not a case of this account`);
    const claim = await this.identities.claim(personnummer.value, applicantId, context.correlationId);
    if (claim.applicantId !== applicantId) throw new Conflict('That personnummer belongs to another account');
    const personal = await this.vault.seal(applicantId, { ...details, personnummer: personnummer.value });
    await this.applicants.handle(applicantId, { type: 'change-personal-details', personal, caseId, changedBy: context.actor }, context);
    if (details.personnummer !== personnummer.value) await this.identities.release(details.personnummer, applicantId, context.correlationId);
  }
}

@CommandHandler(EraseApplicant)
export class EraseApplicantHandler implements ICommandHandler<EraseApplicant, void> {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly identities: IdentityService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, context }: EraseApplicant): Promise<void> {
    const { events } = await this.applicants.load(applicantId);
    const details = await currentDetails(this.vault, events);
    await this.applicants.handle(applicantId, { type: 'erase', on: stockholmDate(this.clock.now()), erasedBy: context.actor }, context);
    if (details) await this.identities.release(details.personnummer, applicantId, context.correlationId);
    await this.vault.erase(applicantId);
  }
}
