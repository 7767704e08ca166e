import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomBytes } from 'node:crypto';
import { newStreamId } from '@bostadsko/command-handling';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { AuthenticatedUser } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { landlordOf } from '../access/access.js';
import { contextOf } from '../command-context.js';
import { PolicyService } from '../policy/policy.service.js';
import { inForceOn, landlordTimelines } from '../read-models/landlords.projection.js';
import { listingStream } from './listing.events.js';
import { ListingHandler } from './listing.stream.js';
import type { PublishListingDto } from './publish.dto.js';
import { requirementsFor } from './requirements-template.js';

/** POST /listings: a landlord publishes a flat; requirements omitted are its letting guideline's. */
export class PublishListing extends Command<{ readonly listingId: string }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly body: PublishListingDto,
  ) {
    super();
  }
}

@CommandHandler(PublishListing)
export class PublishListingHandler implements ICommandHandler<PublishListing, { readonly listingId: string }> {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly listings: ListingHandler,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async execute({ user, body }: PublishListing): Promise<{ readonly listingId: string }> {
    const landlordId = landlordOf(user);
    const now = this.clock.now();
    const today = stockholmDate(now);
    const { agreements, guidelines } = await landlordTimelines(this.infra.pool, landlordId);
    const { requirements: given, applicationDeadline, ...flat } = body;
    // The same id on a retry under the same Idempotency-Key, so a retry after a crash finds the listing it published.
    const listingId = newStreamId('listing');
    let lotterySeedHash: string | undefined;
    if (flat.listingType === 'lottery') {
      // A retry keeps the seed its first attempt stored, so the hash it publishes is that seed's.
      const { rows } = await this.infra.pool.query<{ seed: string }>(
        'INSERT INTO listings.lottery_seeds (listing_id, seed) VALUES ($1, $2) ON CONFLICT (listing_id) DO UPDATE SET seed = lottery_seeds.seed RETURNING seed',
        [listingId, randomBytes(32).toString('hex')],
      );
      lotterySeedHash = createHash('sha256').update(rows[0].seed, 'utf8').digest('hex');
    }
    const policy = await this.policy.on(today);
    await this.listings.handleOn(
      listingStream(listingId),
      () => ({
        type: 'publish',
        listingId,
        landlordId,
        publishedBy: user.id,
        now,
        flat,
        requirements: requirementsFor(guidelines, flat.listingType, today, given),
        applicationDeadline,
        agreementStatus: inForceOn(agreements, today)?.status ?? 'unknown',
        policy,
        lotterySeedHash,
      }),
      contextOf(user.id),
    );
    return { listingId };
  }
}
