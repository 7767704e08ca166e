import { EventSchemas, type DeciderStream } from '@bostadsko/command-handling';
import { decide, evolve, initialState, type LandlordCommand, type LandlordState } from './landlord.decider.js';
import { landlordStream, type LandlordEvent } from './landlord.events.js';

/** A command with the organisation it is about, kept apart from the command so the decider sees (and records) only the command. */
export interface LandlordCommandOn {
  readonly landlordId: string;
  readonly command: LandlordCommand;
}

export const landlordStreams: DeciderStream<LandlordCommandOn, LandlordEvent, LandlordState> = {
  decider: { decide: (on, state) => decide(on.command, state), evolve, initialState },
  streamId: (command) => landlordStream(command.landlordId),
  schemas: new EventSchemas<LandlordEvent>({
    'landlord-registered': 1,
    'contact-changed': 1,
    'agreement-signed': 1,
    'agreement-suspended': 1,
    'agreement-reinstated': 1,
    'agreement-terminated': 1,
    'user-added': 1,
    'user-removed': 1,
    'user-details-changed': 1,
    'user-personal-data-erased': 1,
  }),
};
