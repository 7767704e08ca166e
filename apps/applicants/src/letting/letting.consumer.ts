import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, IntegrationMessage } from '@bostadsko/bus';
import { LettingCancelledV1, ListingLetV1 } from '@bostadsko/contracts';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { CommandBus } from '@nestjs/cqrs';
import { RestoreQueueTimeAfterCancelledLetting, UseUpQueueTime } from './letting-outcome.commands.js';

const LETTING_GROUP = 'applicants.queue-time-from-lettings';

/**
 * Lettings decided in listings change queue time here. The decider ignores a
 * letting it has already applied, so a redelivered message changes nothing.
 */
@Injectable()
export class LettingConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LettingConsumer.name);
  private consumer?: Consumer;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly commands: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.infra.bus.consume({ group: LETTING_GROUP, topics: [ListingLetV1.type, LettingCancelledV1.type] }, (message) => this.handle(message));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  async handle(message: IntegrationMessage): Promise<void> {
    const context = { correlationId: message.correlationId, causationId: message.id, actor: 'listings' };
    if (message.type === ListingLetV1.type) {
      const let_ = ListingLetV1.parse(message.payload);
      if (!let_.usesQueueTime) {
        this.logger.log(`listing ${let_.listingId} (${let_.listingType}) keeps the tenant's queue time`);
        return;
      }
      await this.commands.execute(new UseUpQueueTime(let_.tenantApplicantId, let_.listingId, let_.contractDate, context));
    } else if (message.type === LettingCancelledV1.type) {
      const cancelled = LettingCancelledV1.parse(message.payload);
      await this.commands.execute(new RestoreQueueTimeAfterCancelledLetting(cancelled.tenantApplicantId, cancelled.listingId, cancelled.on, context));
    }
  }
}
