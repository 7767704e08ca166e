import { EventSchemas, type DeciderStream } from '@bostadsko/command-handling';
import { decideDiscrepancy, evolveDiscrepancy, initialFeeDiscrepancy, type FeeDiscrepancyState, type ResolveDiscrepancy } from './fee-discrepancy.decider.js';
import { feeDiscrepancyStream, type FeeDiscrepancyEvent } from './fee-discrepancy.events.js';

/** One stream per listed discrepancy: two staff resolving it at once meet here, and the second is refused. */
export const feeDiscrepancyStreams: DeciderStream<ResolveDiscrepancy, FeeDiscrepancyEvent, FeeDiscrepancyState> = {
  decider: { decide: decideDiscrepancy, evolve: evolveDiscrepancy, initialState: initialFeeDiscrepancy },
  streamId: (command) => feeDiscrepancyStream(command.discrepancy.id),
  schemas: new EventSchemas<FeeDiscrepancyEvent>({ 'fee-discrepancy-resolved': 1 }),
};
