import { EventSchemas, type DeciderStream } from '@bostadsko/command-handling';
import { decide, evolve, initialState, type ApplicantCommand, type ApplicantState } from './applicant.decider.js';
import { applicantStream, type ApplicantEvent } from './applicant.events.js';

/** A command with the account it is about, kept apart from the command so the decider sees (and records) only the command. */
export interface ApplicantCommandOn {
  readonly applicantId: string;
  readonly command: ApplicantCommand;
}

export const applicantStreams: DeciderStream<ApplicantCommandOn, ApplicantEvent, ApplicantState> = {
  decider: { decide: (on, state) => decide(on.command, state), evolve, initialState },
  streamId: (command) => applicantStream(command.applicantId),
  schemas: new EventSchemas<ApplicantEvent>({
    'applicant-registered': 1,
    'queue-start-changed': 1,
    'queue-time-transferred-out': 1,
    'applicant-deregistered': 1,
    'deregistration-reversed': 1,
    'personal-details-changed': 1,
    'case-registered': 1,
    'case-answered': 1,
    'account-closed': 1,
    'sign-in-throttled': 1,
    'personal-data-erased': 1,
  }),
};
