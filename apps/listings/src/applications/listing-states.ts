import type { Known } from '@bostadsko/command-handling';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { ListingState } from '../listing/listing.decider.js';
import { listingStream } from '../listing/listing.events.js';
import type { ListingHandler } from '../listing/listing.stream.js';

/** Enough for every listing open at once in a large agency; the oldest goes first beyond that. */
const MAX_LISTINGS = 10_000;

/**
 * The states of open listings as of a revision, for the intake: during a burst
 * every batch needs the hot listings' states, and their streams rarely change,
 * so a batch reads only what a stream gained since and the listing handler
 * folds it onto the known state. A listing no longer open is forgotten (a
 * ranked one holds its whole ranking), and read in full when asked.
 */
export class ListingStates {
  private readonly known = new Map<string, Known<ListingState>>();

  constructor(private readonly listings: ListingHandler) {}

  /** Where to start reading each listing's stream, keyed by stream id. */
  from(listingIds: readonly string[], streamOf: (listingId: string) => string): Map<string, bigint> {
    const from = new Map<string, bigint>();
    for (const id of listingIds) {
      const known = this.known.get(id);
      if (known) from.set(streamOf(id), known.revision + 1n);
    }
    return from;
  }

  /** The listing's state after the events read from where `from` said to start. */
  after(listingId: string, events: readonly RecordedEvent[]): ListingState {
    const known = this.known.get(listingId);
    const { state, revision } = this.listings.fold(events, known);
    if (state.status !== 'open') {
      this.known.delete(listingId);
    } else if (events.length > 0) {
      if (!known && this.known.size >= MAX_LISTINGS) this.known.delete(this.known.keys().next().value!);
      this.known.set(listingId, { state, revision: revision! });
    }
    return state;
  }

  /** The listing's state from its whole stream, for an apply decided alone after a conflict. */
  async fresh(listingId: string): Promise<ListingState> {
    return (await this.listings.load(listingStream(listingId))).state;
  }
}
