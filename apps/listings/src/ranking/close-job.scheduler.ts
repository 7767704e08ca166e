import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { BusinessSchedule, Clock } from '@bostadsko/clock';
import { env, loadConfig } from '@bostadsko/platform';
import { CommandBus } from '@nestjs/cqrs';
import { CloseDueListings } from './close-listings.command.js';

const variables = { LISTINGS_JOB_INTERVAL_MS: env.int({ min: 0, max: 86_400_000 }).default(60_000) };

/**
 * Runs the close every interval and at once when the training clock moves past
 * deadlines (0 turns both off, e.g. in tests that drive it over HTTP). Safe to
 * run in several instances: ranking appends with the expected revision and a
 * ranked listing is never ranked again.
 */
@Injectable()
export class CloseJobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CloseJobScheduler.name);
  private schedule?: BusinessSchedule;

  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule = new BusinessSchedule({
      clock: this.clock,
      everyMs: loadConfig(variables).LISTINGS_JOB_INTERVAL_MS,
      run: () => this.commands.execute(new CloseDueListings()),
      onError: (error) => this.logger.error(`close job failed: ${error.message}`),
    });
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule?.stop();
  }
}
