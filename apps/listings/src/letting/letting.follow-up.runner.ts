import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { START, supervise, type RecordedEvent, type Subscription } from '@bostadsko/event-store';
import { loadCheckpoint, storeCheckpoint } from '@bostadsko/postgres';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { CommandContext } from '@bostadsko/command-handling';
import { CommandBus } from '@nestjs/cqrs';
import { ListingRuleViolation } from '../listing/listing-rule-violation.js';
import { LETTING_STREAM_PREFIX } from './letting.events.js';
import { followUpsOf } from './letting.follow-ups.js';
import { CarryOutLettingFollowUp } from './letting-follow-up.command.js';

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
    private readonly commands: CommandBus,
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
    // Each step continues the request that caused the letting event, and names that event as its cause.
    const context: CommandContext = { correlationId: event.metadata.correlationId, causationId: event.id, actor: 'listings:letting' };
    for (const followUp of followUpsOf(event)) {
      try {
        await this.commands.execute(new CarryOutLettingFollowUp(listingId, followUp, event.recordedAt, context));
      } catch (error) {
        // A refusal by the target's rules will not change on retry (e.g. the listing was withdrawn meanwhile): logged for staff, not retried forever.
        if (!(error instanceof ListingRuleViolation)) throw error;
        this.logger.warn(`letting ${listingId}: ${followUp.kind} refused: ${error.message}`);
      }
    }
  }
}
