import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { env, loadConfig } from '../../../../libs/platform/src/index.js';
import { CloseService } from './close.service.js';

const variables = { LISTINGS_JOB_INTERVAL_MS: env.int({ min: 0, max: 86_400_000 }).default(60_000) };

/**
 * Runs the close every interval (0 turns it off, e.g. in tests that drive it
 * over HTTP). Safe to run in several instances: ranking appends with the
 * expected revision and a ranked listing is never ranked again.
 */
@Injectable()
export class CloseJobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CloseJobScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly close: CloseService) {}

  onApplicationBootstrap(): void {
    const interval = loadConfig(variables).LISTINGS_JOB_INTERVAL_MS;
    if (interval === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.close
        .runDue()
        .catch((error: unknown) => this.logger.error(`close job failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, interval);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
