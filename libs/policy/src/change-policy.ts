import type { Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import type { DatedPolicy, PolicyChange } from './dated-policy.js';

type AnyPolicy = DatedPolicy<never>;

/**
 * An administrator changes a setting of one of the app's dated policies from a date on. The
 * command names the policy's provider because an app may hold several (listings: listing and letting).
 */
export class ChangePolicy extends Command<PolicyChange<object>> {
  constructor(
    readonly policy: Type<AnyPolicy>,
    readonly proposal: { readonly setting: string; readonly value: number; readonly effectiveFrom: string; readonly reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Registered once in each app that publishes a policy (policyController's `providers`). */
@CommandHandler(ChangePolicy)
export class ChangePolicyHandler implements ICommandHandler<ChangePolicy, PolicyChange<object>> {
  constructor(
    private readonly modules: ModuleRef,
    private readonly clock: Clock,
  ) {}

  execute({ policy, proposal, context }: ChangePolicy): Promise<PolicyChange<object>> {
    const service = this.modules.get(policy, { strict: false }) as unknown as DatedPolicy<Record<string, number>>;
    return service.schedule(proposal as never, context.actor, this.clock.now(), context.correlationId) as Promise<PolicyChange<object>>;
  }
}
