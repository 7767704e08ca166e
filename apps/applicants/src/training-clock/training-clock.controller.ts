import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { IsCalendarDate, CurrentUser, currentCorrelationId, InvalidRequest, Roles, trainingClockView, type AuthenticatedUser } from '@bostadsko/platform';
import { TrainingClockService } from './training-clock.service.js';

class MoveTrainingClockDto {
  @ApiPropertyOptional({ example: '2027-01-15', description: 'The business date to move to; later than the current one' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ example: 14, description: 'Days to move forward by' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}

/** Outside production an administrator moves every app's business date forward; GET /training-clock on any app shows it. */
@ApiTags('training clock')
@ApiBearerAuth()
@Roles('admin')
@Controller('training-clock')
export class TrainingClockController {
  constructor(
    private readonly trainingClock: TrainingClockService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ description: 'Moved: `{ mode, businessNow, businessDate, offsetDays, realNow }`; the other apps follow within seconds and run what fell due' })
  @ApiConflictResponse({ description: 'Production mode: the clock is the wall clock' })
  @ApiUnprocessableEntityResponse({ description: 'Not later than the current business date' })
  async move(@CurrentUser() user: AuthenticatedUser, @Body() body: MoveTrainingClockDto) {
    if ((body.to === undefined) === (body.days === undefined)) {
      throw new InvalidRequest([{ field: 'to', messages: ['give either to (a date) or days, not both'] }]);
    }
    // Real, not business, time: the offset is what business time runs ahead of the wall clock.
    const realToday = stockholmDate(new Date());
    const target = body.to !== undefined ? { to: body.to } : { days: body.days as number };
    await this.trainingClock.move({ realToday, movedBy: user.id, ...target }, currentCorrelationId() ?? randomUUID());
    return trainingClockView(this.clock, 'training');
  }
}
