import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { Conflict } from '@bostadsko/platform';
import { VAULT } from '../landlords.tokens.js';
import { Claims } from '../shared/claims.js';
import type { ContactDetails } from './landlord.events.js';
import { organisationNumberStream } from './landlord.events.js';
import { LandlordService } from './landlord.service.js';

export interface LandlordRegistered {
  readonly landlordId: string;
  readonly name: string;
  readonly organisationNumber: string;
  readonly status: 'interested';
}

/** An organisation's interest in letting through the agency: one landlord per organisation number. */
export class RegisterLandlord extends Command<LandlordRegistered> {
  constructor(
    readonly name: string,
    readonly organisationNumber: string,
    readonly contact: ContactDetails,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterLandlord)
export class RegisterLandlordHandler implements ICommandHandler<RegisterLandlord, LandlordRegistered> {
  constructor(
    private readonly landlords: LandlordService,
    private readonly claims: Claims,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async execute({ name, organisationNumber, contact, context }: RegisterLandlord): Promise<LandlordRegistered> {
    const stream = organisationNumberStream(organisationNumber);
    const claim = await this.claims.claim(stream, { landlordId: randomUUID() }, context.correlationId);
    if (!claim.fresh) throw new Conflict('An organisation with this organisation number is already registered', { type: 'https://bostadsko.se/problems/landlords/already-registered' });
    // The holder, not a new id: a retry of this request finds its claim (and its landlord) in the streams.
    const { landlordId } = claim.holder;
    try {
      const sealed = await this.vault.seal(landlordId, contact);
      await this.landlords.handle(landlordId, { type: 'register', landlordId, name, organisationNumber, contact: sealed, now: this.clock.now() }, context);
    } catch (error) {
      // The number is free again for a retry: a claim without its landlord would block the organisation for good.
      await this.claims.release(stream, { landlordId }, context.correlationId);
      throw error;
    }
    return { landlordId, name, organisationNumber, status: 'interested' };
  }
}
