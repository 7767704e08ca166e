import { EventSchemas, type DeciderHandler, type DeciderStream } from '@bostadsko/command-handling';
import { decide, evolve, initialState, type PersonMessagesCommand, type PersonMessagesState } from './person-messages.decider.js';
import { personMessagesStream, type PersonMessagesEvent } from './person-messages.events.js';

/** A command with the person it is about, kept apart from the command so the decider sees (and records) only the command. */
export interface PersonMessagesCommandOn {
  readonly applicantId: string;
  readonly command: PersonMessagesCommand;
}

/** A concurrent change (two consumers, a reader marking read) is decided again on fresh state. */
export const personMessagesStreams: DeciderStream<PersonMessagesCommandOn, PersonMessagesEvent, PersonMessagesState> = {
  decider: { decide: (on, state) => decide(on.command, state), evolve, initialState },
  streamId: (command) => personMessagesStream(command.applicantId),
  schemas: new EventSchemas<PersonMessagesEvent>({
    'message-recorded': 1,
    'message-read': 1,
    'email-address-noted': 1,
    'email-bounced': 1,
    'language-chosen': 1,
    'email-preference-chosen': 1,
    'digest-time-chosen': 1,
    'person-erased': 1,
    'reply-sent': 1,
    'thread-answered': 1,
  }),
};

/** The handler of these streams, as the app injects it (PERSON_MESSAGES). */
export type PersonMessages = DeciderHandler<PersonMessagesCommandOn, PersonMessagesEvent, PersonMessagesState>;
