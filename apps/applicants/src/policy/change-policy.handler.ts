import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../../libs/command-handling/src/index.js';
import { Clock } from '../../../../libs/clock/src/index.js';
import type { PolicyChange } from '../../../../libs/policy/src/dated-policy.js';
import type { ApplicantPolicy, PolicySetting } from './applicant-policy.js';
import { PolicyService } from './policy.service.js';

/** An administrator changes a policy setting from a date on (today or later: never the past). */
export class ChangePolicy extends Command<PolicyChange<ApplicantPolicy>> {
  constructor(
    readonly proposal: { readonly setting: PolicySetting; readonly value: number; readonly effectiveFrom: string; readonly reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangePolicy)
export class ChangePolicyHandler implements ICommandHandler<ChangePolicy, PolicyChange<ApplicantPolicy>> {
  constructor(
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  execute({ proposal, context }: ChangePolicy): Promise<PolicyChange<ApplicantPolicy>> {
    return this.policy.decide(proposal, context.actor, this.clock.now(), context.correlationId);
  }
}
