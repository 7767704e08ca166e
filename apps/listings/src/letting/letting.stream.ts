import { EventSchemas, type DeciderStream } from '@bostadsko/command-handling';
import type { LettingContext } from './letting.context.js';
import { decide, evolve, initialLettingState, type LettingCommand, type LettingState } from './letting.decider.js';
import type { LettingEvent } from './letting.events.js';
import type { LettingRules } from './letting.policy.js';

/** A letting command with what its decider reads besides the state: the listing (its ranking) and the rules in force. */
export interface LettingDecision {
  readonly command: LettingCommand;
  readonly context: LettingContext;
  readonly rules: LettingRules;
}

/** A listing's letting (`lettingStream(listingId)`), named by callers. */
export const lettingStreamType: DeciderStream<LettingDecision, LettingEvent, LettingState> = {
  decider: { decide: ({ command, context, rules }, state) => decide(command, state, context, rules), evolve, initialState: initialLettingState },
  schemas: new EventSchemas<LettingEvent>({
    'showing-scheduled': 1,
    'interest-answered': 1,
    'invitation-expired': 1,
    'participant-withdrawn': 1,
    'verification-requested': 1,
    'applicant-verified': 1,
    'verification-failed': 1,
    'certificates-late': 1,
    'tenant-proposed': 1,
    'proposal-approved': 1,
    'proposal-rejected': 1,
    'backed-out': 1,
    'candidates-exhausted': 1,
    'contract-signed': 1,
    'letting-cancelled': 1,
  }),
};
