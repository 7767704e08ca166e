import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { Language } from '../inbox/person-messages.events.js';
import type { PersonMessages } from '../inbox/person-messages.stream.js';
import { PERSON_MESSAGES } from '../messages.tokens.js';

/** Messages from now on are written in this language. */
export class ChooseLanguage extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly language: Language,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChooseLanguage)
export class ChooseLanguageHandler implements ICommandHandler<ChooseLanguage, void> {
  constructor(@Inject(PERSON_MESSAGES) private readonly people: PersonMessages) {}

  async execute({ applicantId, language, context }: ChooseLanguage): Promise<void> {
    await this.people.handle({ applicantId, command: { type: 'choose-language', language } }, context);
  }
}
