import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { VAULT } from '../landlords.tokens.js';
import type { ContactDetails } from './landlord.events.js';
import { LandlordService } from './landlord.service.js';

/** The organisation's administrator changes its contact; the revision after it is the new ETag. */
export class ChangeLandlordContact extends Command<{ revision: bigint | undefined }> {
  constructor(
    readonly landlordId: string,
    readonly contact: ContactDetails,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeLandlordContact)
export class ChangeLandlordContactHandler implements ICommandHandler<ChangeLandlordContact, { revision: bigint | undefined }> {
  constructor(
    private readonly landlords: LandlordService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ landlordId, contact, context }: ChangeLandlordContact): Promise<{ revision: bigint | undefined }> {
    await this.landlords.existing(landlordId);
    const sealed = await this.vault.seal(landlordId, contact);
    const { revision } = await this.landlords.handle(landlordId, { type: 'change-contact', contact: sealed, changedBy: context.actor }, context);
    return { revision };
  }
}
