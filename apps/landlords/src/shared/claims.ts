import { DeciderHandler, EventSchemas } from '@bostadsko/command-handling';
import type { Infrastructure } from '@bostadsko/runtime';
import type { ClaimEvent } from '../organisation/landlord.events.js';
import { decideClaim, evolveClaim, type ClaimCommand, type ClaimHolder, type ClaimState } from './claim.decider.js';

export type { ClaimHolder } from './claim.decider.js';

/**
 * A unique key (an organisation number, a user's e-mail) claimed in a stream of
 * its own with the expected revision, so two racing requests cannot both take it.
 */
export class Claims {
  private readonly handler: DeciderHandler<ClaimCommand, ClaimEvent, ClaimState>;

  constructor(infra: Infrastructure) {
    this.handler = new DeciderHandler(infra.store, {
      decider: { decide: decideClaim, evolve: evolveClaim, initialState: undefined },
      streamId: (command) => command.stream,
      schemas: new EventSchemas<ClaimEvent>({ claimed: 1, released: 1 }),
    });
  }

  async holder(stream: string): Promise<ClaimHolder | undefined> {
    return (await this.handler.load(stream)).state;
  }

  /** Takes the key for `holder`, or returns who already holds it. */
  async claim(stream: string, holder: ClaimHolder, correlationId: string): Promise<{ fresh: boolean; holder: ClaimHolder }> {
    const { state, events } = await this.handler.handle({ type: 'claim', stream, holder }, { correlationId, actor: holder.userId ?? holder.landlordId });
    return { fresh: events.length > 0, holder: state! };
  }

  /**
   * At the revision it read, so a retried append is one the event store recognises by its
   * event id (EventStoreDB does so reliably only for exact revisions); a conflict re-reads.
   */
  async release(stream: string, holder: ClaimHolder, correlationId: string): Promise<void> {
    await this.handler.handle({ type: 'release', stream, holder }, { correlationId, actor: holder.userId ?? holder.landlordId });
  }
}
