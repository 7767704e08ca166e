import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '@bostadsko/platform';
import { CaseInbox, MAX_CASES, type InboxCase } from './case-inbox.query.js';

class InboxQuery {
  @ApiPropertyOptional({ enum: ['open', 'answered'] }) @IsOptional() @IsIn(['open', 'answered']) status?: 'open' | 'answered';
}

/** The staff's work queue of customer cases across all seekers, oldest open first; a case is answered on its seeker's account. */
@ApiTags('customer cases')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('applicants/cases')
export class CaseInboxController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ description: `At most ${MAX_CASES} cases, oldest first: channel, subject and status, no personal data (the description stays on the seeker's account)` })
  inbox(@Query() query: InboxQuery): Promise<InboxCase[]> {
    return this.queries.execute(new CaseInbox(query.status));
  }
}
