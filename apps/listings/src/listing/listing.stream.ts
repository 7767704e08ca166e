import { Inject, Injectable } from '@nestjs/common';
import { DeciderHandler, EventSchemas, type DeciderStream } from '@bostadsko/command-handling';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { decideListing, evolveListing, initialListingState, type ListingCommand, type ListingState } from './listing.decider.js';
import type { ListingEvent } from './listing.events.js';

/** A listing's stream (`listingStream(listingId)`); its commands do not name it, so callers do. */
const listingStreamType: DeciderStream<ListingCommand, ListingEvent, ListingState> = {
  decider: { decide: decideListing, evolve: evolveListing, initialState: initialListingState },
  schemas: new EventSchemas<ListingEvent>({ 'listing-published': 1, 'applications-ranked': 1, 'listing-withdrawn': 1, 'listing-let': 1 }),
};

/** The one way a listing's stream changes; the letting process uses `mark-let` and `withdraw` through it. */
@Injectable()
export class ListingHandler extends DeciderHandler<ListingCommand, ListingEvent, ListingState> {
  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    super(infra.store, listingStreamType);
  }
}
