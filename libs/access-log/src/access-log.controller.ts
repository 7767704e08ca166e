import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotFound, Roles } from '@bostadsko/platform';
import type { AccessLogEntry } from '@bostadsko/personal-data';
import { AccessLog } from './access-log.js';
import { StaffRead } from './staff-read.js';

/** Administrators follow up staff reads of a person's data in this app; reading the log is itself logged. */
@ApiTags('access-log')
@ApiBearerAuth()
@Roles('admin')
@Controller('access-log/people/:applicantId')
export class AccessLogController {
  constructor(private readonly log: AccessLog) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'Every staff read of the person’s data in this app: who, when, what and the stated reason' })
  async reads(@Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<AccessLogEntry[]> {
    const reads = await this.log.of(applicantId);
    if (reads.length === 0) throw new NotFound('No staff read of this person in this app');
    return reads;
  }
}
