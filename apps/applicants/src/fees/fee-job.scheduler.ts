import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { env, loadConfig } from '@bostadsko/platform';
import { stockholmDate } from '@bostadsko/calendar';
import { BusinessSchedule, Clock } from '@bostadsko/clock';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { RunFeeJob } from './fee.handlers.js';

/** 0 turns the schedule off, e.g. in tests that drive the days through the API. */
const feeJobVariables = { FEE_JOB_INTERVAL_MINUTES: env.int({ min: 0, max: 1440 }).default(60) };

/**
 * Runs the fee job for today's business date shortly after start (catching up
 * any days the system was down), every interval, and at once when the training
 * clock moves. Hourly rather than once at midnight, so a failed run or a restart
 * costs an hour, not a day.
 */
@Injectable()
export class FeeJobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FeeJobs');
  private schedule?: BusinessSchedule;

  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule = new BusinessSchedule({
      clock: this.clock,
      everyMs: loadConfig(feeJobVariables).FEE_JOB_INTERVAL_MINUTES * 60_000,
      atStart: true,
      run: () => this.commands.execute(new RunFeeJob(stockholmDate(this.clock.now()), randomUUID())),
      onError: (error) => this.logger.error(`fee job failed, retried next interval: ${error.message}`),
    });
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule?.stop();
  }
}
