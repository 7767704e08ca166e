import { Injectable } from '@nestjs/common';
import type { ListingState } from './listing.decider.js';
import { listingStream } from './listing.events.js';
import { ListingHandler } from './listing.stream.js';

export type PublishedListing = Exclude<ListingState, { status: 'none' }>;

/** The folded listing, straight from its stream: published data, status and, once ranked, the ranking. */
@Injectable()
export class ListingReader {
  constructor(private readonly listings: ListingHandler) {}

  async get(listingId: string): Promise<PublishedListing | undefined> {
    const { state } = await this.listings.load(listingStream(listingId));
    return state.status === 'none' ? undefined : state;
  }
}
