import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { START, supervise, type RecordedEvent, type Subscription } from '@bostadsko/event-store';
import { loadCheckpoint, storeCheckpoint } from '@bostadsko/postgres';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { SeekerApplicationsService } from '../applications/seeker-applications.service.js';
import type { CommandContext } from '@bostadsko/command-handling';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { ListingRuleViolation } from '../listing/listing-rule-violation.js';
import { listingStream } from '../listing/listing.events.js';
import { seekerStream } from '../applications/seeker.events.js';
import { ListingHandler } from '../listing/listing.stream.js';
import { LETTING_STREAM_PREFIX } from './letting.events.js';
import { followUpsOf, type FollowUp } from './letting.follow-ups.js';

const FOLLOW_UP_CHECKPOINT = 'letting:follow-ups';

/**
 * Carries letting events over to the seeker and listing streams (avhopp,
 * ended applications, the listing let or ended) from the log, with its own
 * checkpoint: a crash between the letting's append and these writes is caught
 * up on restart instead of lost. Every step is idempotent on the target
 * stream, so a replayed batch changes nothing.
 */
@Injectable()
export class LettingFollowUpRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LettingFollowUps');
  private subscription?: Subscription;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly seekers: SeekerHandler,
    private readonly applications: SeekerApplicationsService,
    private readonly listings: ListingHandler,
  ) {}

  onApplicationBootstrap(): void {
    const { store, pool } = this.infra;
    this.subscription = supervise(
      async () => {
        const from = (await loadCheckpoint(pool, FOLLOW_UP_CHECKPOINT)) ?? START;
        return store.subscribeToAll({ from, batchSize: 200 }, async (events) => {
          for (const event of events) if (event.streamId.startsWith(LETTING_STREAM_PREFIX)) await this.apply(event);
          await storeCheckpoint(pool, FOLLOW_UP_CHECKPOINT, events[events.length - 1].position);
        });
      },
      (error) => this.logger.error(`letting follow-ups failed and restart: ${(error as Error).message}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  private async apply(event: RecordedEvent): Promise<void> {
    const listingId = event.streamId.slice(LETTING_STREAM_PREFIX.length);
    for (const followUp of followUpsOf(event)) {
      try {
        await this.carryOut(listingId, followUp, event);
      } catch (error) {
        // A refusal by the target's rules will not change on retry (e.g. the listing was withdrawn meanwhile): logged for staff, not retried forever.
        if (!(error instanceof ListingRuleViolation)) throw error;
        this.logger.warn(`letting ${listingId}: ${followUp.kind} refused: ${error.message}`);
      }
    }
  }

  private async carryOut(listingId: string, followUp: FollowUp, event: RecordedEvent): Promise<void> {
    // Each step continues the request that caused the letting event, and names that event as its cause.
    const context: CommandContext = { correlationId: event.metadata.correlationId, causationId: event.id, actor: 'listings:letting' };
    switch (followUp.kind) {
      case 'record-avhopp':
        return this.applications.recordAvhopp(followUp.applicantId, { listingId, applicationId: followUp.applicationId, on: followUp.on, kind: followUp.avhopp }, context);
      case 'end-application':
        await this.seekers.handleOn(seekerStream(followUp.applicantId), () => ({ type: 'withdraw', applicationId: followUp.applicationId, now: event.recordedAt, reason: followUp.reason }), context);
        return;
      case 'mark-let':
        await this.listings.handleOn(
          listingStream(listingId),
          () => ({ type: 'mark-let', tenantApplicantId: followUp.applicantId, applicationId: followUp.applicationId, contractDate: followUp.contractDate }),
          context,
        );
        return;
      case 'withdraw-tenants-other-applications':
        return this.applications.withdrawAll(followUp.applicantId, 'let-to-seeker-elsewhere', followUp.applicationId, { ...context, actor: 'listings:let-to-seeker-elsewhere' });
      case 'end-listing-no-one-left':
        await this.listings.handleOn(listingStream(listingId), () => ({ type: 'withdraw', on: followUp.on, by: 'listings:letting', reason: 'no-eligible-applicant' }), context);
        return;
    }
  }
}
