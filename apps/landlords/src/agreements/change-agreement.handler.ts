import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Handled } from '@bostadsko/command-handling';
import type { LandlordCommand, LandlordState } from '../organisation/landlord.decider.js';
import type { LandlordEvent } from '../organisation/landlord.events.js';
import { LandlordService } from '../organisation/landlord.service.js';

type AgreementCommand = Extract<LandlordCommand, { type: 'sign-agreement' | 'suspend-agreement' | 'reinstate-agreement' | 'terminate-agreement' }>;

/** Signing, suspending, reinstating or terminating an agreement: one use case, the rules tell them apart. */
export class ChangeAgreement extends Command<Handled<LandlordEvent, LandlordState>> {
  constructor(
    readonly landlordId: string,
    readonly change: AgreementCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeAgreement)
export class ChangeAgreementHandler implements ICommandHandler<ChangeAgreement, Handled<LandlordEvent, LandlordState>> {
  constructor(private readonly landlords: LandlordService) {}

  async execute({ landlordId, change, context }: ChangeAgreement): Promise<Handled<LandlordEvent, LandlordState>> {
    await this.landlords.existing(landlordId);
    return this.landlords.handle(landlordId, change, context);
  }
}
