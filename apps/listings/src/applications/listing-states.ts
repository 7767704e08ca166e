import type { RecordedEvent } from '@bostadsko/event-store';
import { evolveListing, initialListingState, type ListingState } from '../listing/listing.decider.js';
import type { ListingEvent } from '../listing/listing.events.js';

/** Enough for every listing open at once in a large agency; the oldest goes first beyond that. */
const MAX_LISTINGS = 10_000;

/**
 * The states of open listings as of a revision, for the intake: during a burst
 * every batch needs the hot listings' states, and their streams rarely change,
 * so a batch reads only what a stream gained since. A listing no longer open is
 * forgotten (a ranked one holds its whole ranking), and read in full when asked.
 */
export class ListingStates {
  private readonly known = new Map<string, { readonly state: ListingState; readonly next: bigint }>();

  /** Where to start reading each listing's stream, keyed by stream id. */
  from(listingIds: readonly string[], streamOf: (listingId: string) => string): Map<string, bigint> {
    const from = new Map<string, bigint>();
    for (const id of listingIds) {
      const known = this.known.get(id);
      if (known) from.set(streamOf(id), known.next);
    }
    return from;
  }

  /** The listing's state after the events read from where `from` said to start. */
  after(listingId: string, events: readonly RecordedEvent[]): ListingState {
    const known = this.known.get(listingId);
    const state = events.reduce((s, e) => evolveListing(s, e as unknown as ListingEvent), known?.state ?? initialListingState);
    if (state.status !== 'open') {
      this.known.delete(listingId);
    } else if (events.length > 0) {
      if (!known && this.known.size >= MAX_LISTINGS) this.known.delete(this.known.keys().next().value!);
      this.known.set(listingId, { state, next: events[events.length - 1].revision + 1n });
    }
    return state;
  }
}
