import { EventSchemas, type DeciderHandler, type DeciderStream } from '@bostadsko/command-handling';
import { decideCase, evolveCase, initialCase, type CaseCommand, type CaseState } from './case.decider.js';
import { caseStream, type CaseEvent } from './case.events.js';

/** A command with the case it is about, kept apart from the command so the decider sees (and records) only the command. */
export interface CaseCommandOn {
  readonly caseId: string;
  readonly command: CaseCommand;
}

export const caseStreams: DeciderStream<CaseCommandOn, CaseEvent, CaseState> = {
  decider: { decide: (on, state) => decideCase(on.command, state), evolve: evolveCase, initialState: initialCase },
  streamId: (command) => caseStream(command.caseId),
  schemas: new EventSchemas<CaseEvent>({ 'landlord-case-registered': 1, 'landlord-case-message-added': 1, 'landlord-case-answered': 1, 'landlord-case-closed': 1 }),
};

/** The handler of case streams, as the app injects it (CASES). */
export type Cases = DeciderHandler<CaseCommandOn, CaseEvent, CaseState>;
