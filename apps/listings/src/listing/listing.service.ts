import { Inject, Injectable } from '@nestjs/common';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { EventSourced } from './event-sourced.js';
import { decideListing, evolveListing, initialListingState, type ListingCommand, type ListingState } from './listing.decider.js';
import { listingStream, type ListingEvent } from './listing.events.js';

/** The one way a listing's stream changes; the letting process uses `mark-let` and `withdraw` through it. */
@Injectable()
export class ListingService extends EventSourced<ListingState, ListingCommand, ListingEvent> {
  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    super(infra.store, listingStream, decideListing, evolveListing, initialListingState);
  }
}
