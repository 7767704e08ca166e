import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { env, loadConfig } from '../../../../libs/platform/src/index.js';
import { stockholmDate } from '../../../../libs/calendar/src/calendar.js';
import { FeeJobs } from './fee-jobs.js';

/** 0 turns the schedule off, e.g. in tests that drive the days through the API. */
const feeJobVariables = { FEE_JOB_INTERVAL_MINUTES: env.int({ min: 0, max: 1440 }).default(60) };

/**
 * Runs the fee job for today's Stockholm date shortly after start (catching up
 * any days the system was down) and then every interval. Hourly rather than
 * once at midnight, so a failed run or a restart costs an hour, not a day.
 */
@Injectable()
export class FeeJobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FeeJobs');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly jobs: FeeJobs) {}

  onApplicationBootstrap(): void {
    const minutes = loadConfig(feeJobVariables).FEE_JOB_INTERVAL_MINUTES;
    if (minutes === 0) return;
    const tick = () => {
      // A catch-up longer than the interval is left to finish rather than queued behind.
      if (this.running) return;
      this.running = this.jobs
        .runUntil(stockholmDate(new Date()))
        .catch((error: Error) => this.logger.error(`fee job failed, retried next interval: ${error.message}`))
        .finally(() => (this.running = undefined));
    };
    // Not awaited: start-up does not wait for a catch-up that may take a while.
    setImmediate(tick).unref();
    this.timer = setInterval(tick, minutes * 60_000).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
