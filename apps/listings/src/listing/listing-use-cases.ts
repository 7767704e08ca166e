import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../../../../libs/platform/src/index.js';
import { contextOf } from '../command-context.js';
import { INFRASTRUCTURE } from '../../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { isStaff, landlordOf } from '../access/access.js';
import { Clock } from '../../../../libs/clock/src/index.js';
import { stockholmDate } from '../../../../libs/calendar/src/calendar.js';
import { PolicyService } from '../policy/policy.service.js';
import { inForceOn, landlordTimelines } from '../read-models/landlords.projection.js';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { listingStream, seekerStream } from './listing.events.js';
import type { ListingState } from './listing.decider.js';
import { ListingHandler } from './listing.stream.js';
import type { PublishListingDto } from './publish.dto.js';
import { requirementsFor } from './requirements-template.js';

/** Publishing and ending listings; ending one also withdraws its open applications. */
@Injectable()
export class ListingUseCases {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly listings: ListingHandler,
    private readonly seekers: SeekerHandler,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async publish(user: AuthenticatedUser, body: PublishListingDto): Promise<{ listingId: string; state: ListingState }> {
    const landlordId = landlordOf(user);
    const now = this.clock.now();
    const today = stockholmDate(now);
    const { agreements, guidelines } = await landlordTimelines(this.infra.pool, landlordId);
    const { requirements: given, applicationDeadline, ...flat } = body;
    const listingId = randomUUID();
    let lotterySeedHash: string | undefined;
    if (flat.listingType === 'lottery') {
      const seed = randomBytes(32).toString('hex');
      await this.infra.pool.query('INSERT INTO listings.lottery_seeds (listing_id, seed) VALUES ($1, $2)', [listingId, seed]);
      lotterySeedHash = createHash('sha256').update(seed, 'utf8').digest('hex');
    }
    const { state } = await this.listings.handleOn(
      listingStream(listingId),
      async () => ({
        type: 'publish',
        listingId,
        landlordId,
        publishedBy: user.id,
        now,
        flat,
        requirements: requirementsFor(guidelines, flat.listingType, today, given),
        applicationDeadline,
        agreementStatus: inForceOn(agreements, today)?.status ?? 'unknown',
        policy: await this.policy.on(today),
        lotterySeedHash,
      }),
      contextOf(user.id),
    );
    return { listingId, state };
  }

  /** By the landlord (its own listing) or staff; the listing's open applications are withdrawn with it. */
  async withdraw(user: AuthenticatedUser, listingId: string): Promise<ListingState> {
    const asLandlord = isStaff(user) ? undefined : landlordOf(user);
    return this.end(listingId, 'withdrawn-by-landlord', user.id, asLandlord);
  }

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
