import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { PEOPLE_TABLE } from '../people/people.projection.js';
import { DELIVERIES_TABLE } from './deliveries.projection.js';

/** For staff to follow up: addresses refused for good (the person must give a new one), and mail still waiting. */
@ApiTags('messages')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('messages/delivery')
export class DeliveryFailuresController {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  @Get('failing-addresses')
  @ApiOkResponse({ description: 'People whose e-mail address was refused for good, latest first (the address itself is in the person’s extract)' })
  async failing() {
    const { rows } = await this.infra.pool.query<{ applicant_id: string; bounced_at: Date; bounce_reason: string; bounced_message_id: string }>(
      `SELECT applicant_id, bounced_at, bounce_reason, bounced_message_id FROM ${PEOPLE_TABLE} WHERE bounced_at IS NOT NULL ORDER BY bounced_at DESC LIMIT 500`,
    );
    return rows.map((r) => ({ applicantId: r.applicant_id, since: r.bounced_at.toISOString(), reason: r.bounce_reason, messageId: r.bounced_message_id }));
  }

  @Get('outbox')
  @ApiOkResponse({ description: 'How many mails are pending, sent, failed or cancelled, and the oldest pending one' })
  async outbox() {
    const { rows } = await this.infra.pool.query<{ state: string; count: string; oldest: Date | null }>(
      `SELECT state, count(*) AS count, min(next_attempt_at) FILTER (WHERE state = 'pending') AS oldest FROM ${DELIVERIES_TABLE} GROUP BY state`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, { count: Number(r.count), nextAttemptAt: r.oldest?.toISOString() ?? null }]));
  }
}
