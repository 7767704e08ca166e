import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type pg from 'pg';
import { PG_POOL, Roles } from '@bostadsko/platform';
import { customerCasesProjection } from './customer-cases.projection.js';

class InboxQuery {
  @ApiPropertyOptional({ enum: ['open', 'answered'] }) @IsOptional() @IsIn(['open', 'answered']) status?: 'open' | 'answered';
}

interface InboxCase {
  readonly caseId: string;
  readonly applicantId: string;
  readonly channel: string;
  readonly subject: string;
  readonly status: string;
  readonly registeredAt: string;
  readonly answeredAt: string | null;
}

const MAX_CASES = 200;

/** The staff's work queue of customer cases across all seekers, oldest open first; a case is answered on its seeker's account. */
@ApiTags('customer cases')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('applicants/cases')
export class CaseInboxController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Get()
  @ApiOkResponse({ description: `At most ${MAX_CASES} cases, oldest first: channel, subject and status, no personal data (the description stays on the seeker's account)` })
  async inbox(@Query() query: InboxQuery): Promise<InboxCase[]> {
    const { rows } = await this.pool.query<{ case_id: string; applicant_id: string; channel: string; subject: string; status: string; registered_at: Date; answered_at: Date | null }>(
      `SELECT case_id, applicant_id, channel, subject, status, registered_at, answered_at FROM ${customerCasesProjection.table}
       WHERE $1::text IS NULL OR status = $1 ORDER BY registered_at, case_id LIMIT ${MAX_CASES}`,
      [query.status ?? null],
    );
    return rows.map((row) => ({
      caseId: row.case_id,
      applicantId: row.applicant_id,
      channel: row.channel,
      subject: row.subject,
      status: row.status,
      registeredAt: row.registered_at.toISOString(),
      answeredAt: row.answered_at?.toISOString() ?? null,
    }));
  }
}
