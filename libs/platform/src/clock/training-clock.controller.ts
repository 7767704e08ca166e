import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock, TrainingClock } from '@bostadsko/clock';
import { Public } from '../auth/public.decorator.js';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';

export interface TrainingClockView {
  readonly mode: PlatformConfig['RUN_MODE'];
  /** Business time, what deadlines and "today" are measured against. */
  readonly businessNow: string;
  /** Business time's Stockholm date, for a banner. */
  readonly businessDate: string;
  readonly offsetDays: number;
  readonly realNow: string;
}

/** On every app, so a front end can show the business date this app decides by (each follows the one setting within seconds). */
@ApiTags('training clock')
@Controller('training-clock')
export class TrainingClockController {
  constructor(
    private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '`{ mode, businessNow, businessDate, offsetDays, realNow }`; in production the offset is 0 and business time is real time' })
  get(): TrainingClockView {
    return trainingClockView(this.clock, this.config.RUN_MODE);
  }
}

export function trainingClockView(clock: Clock, mode: PlatformConfig['RUN_MODE']): TrainingClockView {
  const businessNow = clock.now();
  return {
    mode,
    businessNow: businessNow.toISOString(),
    businessDate: stockholmDate(businessNow),
    offsetDays: clock instanceof TrainingClock ? clock.offsetDays : 0,
    realNow: new Date().toISOString(),
  };
}
