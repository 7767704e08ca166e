import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { MessageKind } from '../inbox/person-messages.events.js';
import type { PersonMessages } from '../inbox/person-messages.stream.js';
import { PERSON_MESSAGES } from '../messages.tokens.js';
import { LANDLORD_OPTIONAL_EMAIL_KINDS } from '../policy/messages-policy.js';

/** A landlord user has a kind e-mailed, or kept in the inbox only; a proposal waiting for a decision is always e-mailed. */
export class ChooseLandlordEmail extends Command<void> {
  constructor(
    readonly userId: string,
    readonly kind: MessageKind,
    readonly email: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChooseLandlordEmail)
export class ChooseLandlordEmailHandler implements ICommandHandler<ChooseLandlordEmail, void> {
  constructor(@Inject(PERSON_MESSAGES) private readonly people: PersonMessages) {}

  async execute({ userId, kind, email, context }: ChooseLandlordEmail): Promise<void> {
    await this.people.handle({ applicantId: userId, command: { type: 'choose-email', kind, email, optional: LANDLORD_OPTIONAL_EMAIL_KINDS } }, context);
  }
}
