import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { PEOPLE_TABLE } from '../people/people.projection.js';
import { DELIVERIES_TABLE } from './deliveries.projection.js';

interface FailingAddress {
  readonly applicantId: string;
  readonly since: string;
  readonly reason: string;
  readonly messageId: string;
}

type OutboxCounts = Record<string, { count: number; nextAttemptAt: string | null }>;

/** People whose e-mail address was refused for good, latest first. */
export class FailingAddresses extends Query<FailingAddress[]> {}

/** How many mails are pending, sent, failed or cancelled, and the oldest pending one. */
export class OutboxCountsQuery extends Query<OutboxCounts> {}

@QueryHandler(FailingAddresses)
export class FailingAddressesHandler implements IQueryHandler<FailingAddresses, FailingAddress[]> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async execute(): Promise<FailingAddress[]> {
    const { rows } = await this.infra.pool.query<{ applicant_id: string; bounced_at: Date; bounce_reason: string; bounced_message_id: string }>(
      `SELECT applicant_id, bounced_at, bounce_reason, bounced_message_id FROM ${PEOPLE_TABLE} WHERE bounced_at IS NOT NULL ORDER BY bounced_at DESC LIMIT 500`,
    );
    return rows.map((r) => ({ applicantId: r.applicant_id, since: r.bounced_at.toISOString(), reason: r.bounce_reason, messageId: r.bounced_message_id }));
  }
}

@QueryHandler(OutboxCountsQuery)
export class OutboxCountsHandler implements IQueryHandler<OutboxCountsQuery, OutboxCounts> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async execute(): Promise<OutboxCounts> {
    const { rows } = await this.infra.pool.query<{ state: string; count: string; oldest: Date | null }>(
      `SELECT state, count(*) AS count, min(next_attempt_at) FILTER (WHERE state = 'pending') AS oldest FROM ${DELIVERIES_TABLE} GROUP BY state`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, { count: Number(r.count), nextAttemptAt: r.oldest?.toISOString() ?? null }]));
  }
}
