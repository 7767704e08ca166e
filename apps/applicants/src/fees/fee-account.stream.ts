import { EventSchemas, type DeciderStream } from '@bostadsko/command-handling';
import { decideFees, evolveFees, initialFeeAccount, type FeeAccountCommand, type FeeAccountState } from './fee-account.decider.js';
import { feeAccountStream, type FeeAccountEvent } from './fee-account.events.js';

/** A command with the fee account it is about, kept apart from the command so the decider sees (and records) only the command. */
export interface FeeAccountCommandOn {
  readonly applicantId: string;
  readonly command: FeeAccountCommand;
}

/** A payment and the daily job may meet on one account: the loser decides again on what the other wrote. */
export const feeAccountStreams: DeciderStream<FeeAccountCommandOn, FeeAccountEvent, FeeAccountState> = {
  decider: { decide: (on, state) => decideFees(on.command, state), evolve: evolveFees, initialState: initialFeeAccount },
  streamId: (command) => feeAccountStream(command.applicantId),
  schemas: new EventSchemas<FeeAccountEvent>({
    'fee-notice-issued': 1,
    'fee-payment-received': 1,
    'fee-notice-paid': 1,
    'fee-account-lapsed': 1,
    'fee-account-lapse-reversed': 1,
  }),
};
