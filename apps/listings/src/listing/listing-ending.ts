import { Inject, Injectable } from '@nestjs/common';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { contextOf } from '../command-context.js';
import type { ListingState } from './listing.decider.js';
import { listingStream } from './listing.events.js';
import { seekerStream } from '../applications/seeker.events.js';
import { ListingHandler } from './listing.stream.js';

/** Ending a listing (by its landlord, staff, or a terminated agreement) also withdraws its open applications. */
@Injectable()
export class ListingEnding {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly listings: ListingHandler,
    private readonly seekers: SeekerHandler,
    private readonly clock: Clock,
  ) {}

  async end(listingId: string, reason: 'withdrawn-by-landlord' | 'agreement-terminated', by: string, asLandlord?: string): Promise<ListingState> {
    const context = contextOf(by);
    const now = this.clock.now();
    const { state } = await this.listings.handleOn(listingStream(listingId), () => ({ type: 'withdraw', on: stockholmDate(now), by, reason, asLandlord }), context);
    const { rows } = await this.infra.pool.query<{ applicant_id: string }>(`SELECT DISTINCT applicant_id FROM listings.applications WHERE listing_id = $1 AND status = 'active'`, [listingId]);
    for (const { applicant_id } of rows) {
      await this.seekers.handleOn(seekerStream(applicant_id), () => ({ type: 'withdraw-for-listing', listingId, now, reason: 'listing-ended' }), context);
    }
    return state;
  }
}
