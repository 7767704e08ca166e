import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId, DomainRuleViolation, Roles } from '@bostadsko/platform';
import { stockholmDate } from '@bostadsko/calendar';
import { FeeJobs } from './fee-jobs.js';
import { FeeJobRunDto, RunFeeJobDto } from './fees.dto.js';
import { Clock } from '@bostadsko/clock';

@ApiTags('fees')
@ApiBearerAuth()
@Roles('admin')
@Controller('applicants/fees/jobs')
export class FeeJobsController {
  constructor(
    private readonly jobs: FeeJobs,
    private readonly clock: Clock,
  ) {}

  @Post('run')
  @HttpCode(200)
  @ApiOkResponse({ type: FeeJobRunDto, description: 'The days processed since the last completed one; none when already done' })
  @ApiUnprocessableEntityResponse({ description: 'today is after the actual date' })
  async run(@Body() body: RunFeeJobDto): Promise<FeeJobRunDto> {
    const actual = stockholmDate(this.clock.now());
    // Deregistration cannot be undone: no one may run the job for a day that has not come.
    if (body.today && body.today > actual) throw new DomainRuleViolation(`The fee job cannot run for ${body.today}: today is ${actual}`);
    return this.jobs.runUntil(body.today ?? actual, currentCorrelationId() ?? randomUUID());
  }
}
