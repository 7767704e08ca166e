import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { PERSON_MESSAGES, SAVED_SEARCHES, VAULT } from '../messages.tokens.js';
import type { SavedSearches } from '../saved-searches/saved-searches.stream.js';
import type { PersonMessagesCommand } from './person-messages.decider.js';
import type { PersonMessages } from './person-messages.stream.js';

type Of<T extends PersonMessagesCommand['type']> = Omit<Extract<PersonMessagesCommand, { type: T }>, 'type'>;

/** A message for a person, from another app's event, a saved-search alert round or a reminder; its id derives from its cause, so recording it again changes nothing. */
export class RecordMessage extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly message: Of<'record-message'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The e-mail address a person's messages go to, sealed under their key. */
export class NoteEmailAddress extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly address: Of<'note-email'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The mail server refused a person's address for good. */
export class RecordBounce extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly bounce: Of<'record-bounce'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A closed account: the person's messages and saved searches are erased and their key shredded. */
export class ErasePerson extends Command<void> {
  constructor(
    readonly applicantId: string,
    readonly on: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordMessage)
export class RecordMessageHandler implements ICommandHandler<RecordMessage, void> {
  constructor(@Inject(PERSON_MESSAGES) private readonly people: PersonMessages) {}

  async execute({ applicantId, message, context }: RecordMessage): Promise<void> {
    await this.people.handle({ applicantId, command: { type: 'record-message', ...message } }, context);
  }
}

@CommandHandler(NoteEmailAddress)
export class NoteEmailAddressHandler implements ICommandHandler<NoteEmailAddress, void> {
  constructor(@Inject(PERSON_MESSAGES) private readonly people: PersonMessages) {}

  async execute({ applicantId, address, context }: NoteEmailAddress): Promise<void> {
    await this.people.handle({ applicantId, command: { type: 'note-email', ...address } }, context);
  }
}

@CommandHandler(RecordBounce)
export class RecordBounceHandler implements ICommandHandler<RecordBounce, void> {
  constructor(@Inject(PERSON_MESSAGES) private readonly people: PersonMessages) {}

  async execute({ applicantId, bounce, context }: RecordBounce): Promise<void> {
    await this.people.handle({ applicantId, command: { type: 'record-bounce', ...bounce } }, context);
  }
}

@CommandHandler(ErasePerson)
export class ErasePersonHandler implements ICommandHandler<ErasePerson, void> {
  constructor(
    @Inject(PERSON_MESSAGES) private readonly people: PersonMessages,
    @Inject(SAVED_SEARCHES) private readonly searches: SavedSearches,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ applicantId, on, context }: ErasePerson): Promise<void> {
    await this.people.handle({ applicantId, command: { type: 'erase', on } }, context);
    await this.searches.handle({ applicantId, command: { type: 'erase', on } }, context);
    await this.vault.erase(applicantId);
  }
}
