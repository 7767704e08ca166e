import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import { PERSON_MESSAGES } from '../messages.tokens.js';
import type { PersonMessages } from './person-messages.stream.js';

/** The seeker has read a message in their inbox (again is harmless; an unknown message is 404). */
export class MarkMessageRead extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly messageId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(MarkMessageRead)
export class MarkMessageReadHandler implements ICommandHandler<MarkMessageRead, void> {
  constructor(
    @Inject(PERSON_MESSAGES) private readonly people: PersonMessages,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, messageId, context }: MarkMessageRead): Promise<void> {
    await this.people.handle({ applicantId, command: { type: 'mark-read', messageId, now: this.clock.now().toISOString() } }, context);
  }
}
