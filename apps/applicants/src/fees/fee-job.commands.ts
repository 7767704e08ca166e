import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Handled } from '@bostadsko/command-handling';
import type { IsoDate } from '@bostadsko/calendar';
import type { ApplicantCommand, ApplicantState } from '../applicant/applicant.decider.js';
import type { ApplicantEvent } from '../applicant/applicant.events.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import type { ApplicantPolicy } from '../policy/applicant-policy.js';
import type { FeeAccountCommand, FeeAccountState } from './fee-account.decider.js';
import type { FeeAccountEvent } from './fee-account.events.js';
import { FeeAccountService } from './fee-account.service.js';

type FeeAccountHandled = Handled<FeeAccountEvent, FeeAccountState>;
type ApplicantHandled = Handled<ApplicantEvent, ApplicantState>;
type Without<C, T extends string> = Omit<Extract<C, { type: T }>, 'type'>;

/** The fee job issues the notice an account has due on a day, if any. */
export class IssueFeeNotice extends Command<FeeAccountHandled> {
  constructor(
    readonly applicantId: string,
    readonly registeredOn: IsoDate,
    readonly on: IsoDate,
    readonly policy: ApplicantPolicy,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The fee account lapses for a notice unpaid past its grace and settlement. */
export class LapseForUnpaidFee extends Command<FeeAccountHandled> {
  constructor(
    readonly applicantId: string,
    readonly lapse: Without<FeeAccountCommand, 'lapse-for-unpaid-fee'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The applicant is deregistered for the fee account's lapse. */
export class DeregisterForUnpaidFee extends Command<ApplicantHandled> {
  constructor(
    readonly applicantId: string,
    readonly deregistration: Without<ApplicantCommand, 'deregister-for-unpaid-fee'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A payment in time reinstated the fee account: the applicant's deregistration is reversed. */
export class ReverseDeregistration extends Command<ApplicantHandled> {
  constructor(
    readonly applicantId: string,
    readonly reversal: Without<ApplicantCommand, 'reverse-deregistration'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(IssueFeeNotice)
export class IssueFeeNoticeHandler implements ICommandHandler<IssueFeeNotice, FeeAccountHandled> {
  constructor(private readonly fees: FeeAccountService) {}

  execute({ applicantId, registeredOn, on, policy, context }: IssueFeeNotice): Promise<FeeAccountHandled> {
    return this.fees.issueNotice(applicantId, registeredOn, on, policy, context);
  }
}

@CommandHandler(LapseForUnpaidFee)
export class LapseForUnpaidFeeHandler implements ICommandHandler<LapseForUnpaidFee, FeeAccountHandled> {
  constructor(private readonly fees: FeeAccountService) {}

  execute({ applicantId, lapse, context }: LapseForUnpaidFee): Promise<FeeAccountHandled> {
    return this.fees.handle(applicantId, { type: 'lapse-for-unpaid-fee', ...lapse }, context);
  }
}

@CommandHandler(DeregisterForUnpaidFee)
export class DeregisterForUnpaidFeeHandler implements ICommandHandler<DeregisterForUnpaidFee, ApplicantHandled> {
  constructor(private readonly applicants: ApplicantService) {}

  execute({ applicantId, deregistration, context }: DeregisterForUnpaidFee): Promise<ApplicantHandled> {
    return this.applicants.handle(applicantId, { type: 'deregister-for-unpaid-fee', ...deregistration }, context);
  }
}

@CommandHandler(ReverseDeregistration)
export class ReverseDeregistrationHandler implements ICommandHandler<ReverseDeregistration, ApplicantHandled> {
  constructor(private readonly applicants: ApplicantService) {}

  execute({ applicantId, reversal, context }: ReverseDeregistration): Promise<ApplicantHandled> {
    return this.applicants.handle(applicantId, { type: 'reverse-deregistration', ...reversal }, context);
  }
}
