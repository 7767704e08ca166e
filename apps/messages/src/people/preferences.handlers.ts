import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { MessageKind } from '../inbox/person-messages.events.js';
import type { PersonMessages } from '../inbox/person-messages.stream.js';
import { PERSON_MESSAGES } from '../messages.tokens.js';
import { OPTIONAL_EMAIL_KINDS } from '../policy/messages-policy.js';

/** Messages of this kind are e-mailed, or kept in the inbox only, from now on (fee and letting messages always e-mailed). */
export class ChooseEmail extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly kind: MessageKind,
    readonly email: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChooseEmail)
export class ChooseEmailHandler implements ICommandHandler<ChooseEmail, void> {
  constructor(@Inject(PERSON_MESSAGES) private readonly people: PersonMessages) {}

  async execute({ applicantId, kind, email, context }: ChooseEmail): Promise<void> {
    await this.people.handle({ applicantId, command: { type: 'choose-email', kind, email, optional: OPTIONAL_EMAIL_KINDS } }, context);
  }
}

/** Daily saved-search alerts are sent at this Swedish time from the next digest on. */
export class ChooseDigestTime extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly digestTime: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChooseDigestTime)
export class ChooseDigestTimeHandler implements ICommandHandler<ChooseDigestTime, void> {
  constructor(@Inject(PERSON_MESSAGES) private readonly people: PersonMessages) {}

  async execute({ applicantId, digestTime, context }: ChooseDigestTime): Promise<void> {
    await this.people.handle({ applicantId, command: { type: 'choose-digest-time', digestTime } }, context);
  }
}
