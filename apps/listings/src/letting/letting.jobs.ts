import { Controller, HttpCode, Inject, Injectable, Logger, Post, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { BusinessSchedule, Clock } from '@bostadsko/clock';
import { env, loadConfig, PG_POOL, Roles } from '@bostadsko/platform';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AdvanceLetting } from './advance-letting.command.js';

/** 0 turns the schedule off, e.g. in tests that drive the deadlines through the API. */
const lettingJobVariables = { LETTING_JOB_INTERVAL_MINUTES: env.int({ min: 0, max: 1440 }).default(60) };

interface LettingJobRun {
  readonly lettings: number;
  readonly changed: number;
}

/** Applies passed deadlines to every open letting: no answer counts as no, late certificates are avhopp. */
export class AdvanceOpenLettings extends Command<LettingJobRun> {}

@CommandHandler(AdvanceOpenLettings)
export class AdvanceOpenLettingsHandler implements ICommandHandler<AdvanceOpenLettings, LettingJobRun> {
  private readonly logger = new Logger('LettingJobs');

  constructor(
    private readonly commands: CommandBus,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async execute(): Promise<LettingJobRun> {
    const { rows } = await this.pool.query<{ listing_id: string }>('SELECT DISTINCT listing_id FROM listings.letting_participants WHERE letting_open');
    let changed = 0;
    for (const { listing_id } of rows) {
      try {
        const { answer } = await this.commands.execute(new AdvanceLetting(listing_id, 'listings:letting-deadlines'));
        if (answer.recorded.length > 0) changed++;
      } catch (error) {
        // One letting's failure must not hold up the others; it is tried again next run.
        this.logger.error(`letting ${listing_id}: deadlines not applied: ${(error as Error).message}`);
      }
    }
    return { lettings: rows.length, changed };
  }
}

/**
 * Hourly rather than at midnight, so a failed run or a restart costs an hour, not
 * a day; and at once when the training clock moves past reply deadlines.
 */
@Injectable()
export class LettingJobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LettingJobs');
  private schedule?: BusinessSchedule;

  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule = new BusinessSchedule({
      clock: this.clock,
      everyMs: loadConfig(lettingJobVariables).LETTING_JOB_INTERVAL_MINUTES * 60_000,
      run: () => this.commands.execute(new AdvanceOpenLettings()),
      onError: (error) => this.logger.error(`letting deadlines failed, retried next interval: ${error.message}`),
    });
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule?.stop();
  }
}

@ApiTags('letting')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('letting/jobs')
export class LettingJobsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('deadlines')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Runs the deadline job now for every open letting' })
  run() {
    return this.commands.execute(new AdvanceOpenLettings());
  }
}
