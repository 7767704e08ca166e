import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@bostadsko/platform';
import { customerCasesProjection } from './customer-cases.projection.js';

export interface InboxCase {
  readonly caseId: string;
  readonly applicantId: string;
  readonly channel: string;
  readonly subject: string;
  readonly status: string;
  readonly registeredAt: string;
  readonly answeredAt: string | null;
}

export const MAX_CASES = 200;

/** The staff's work queue of customer cases across all seekers, oldest first; open or answered only when asked. */
export class CaseInbox extends Query<InboxCase[]> {
  constructor(readonly status: 'open' | 'answered' | undefined) {
    super();
  }
}

@QueryHandler(CaseInbox)
export class CaseInboxHandler implements IQueryHandler<CaseInbox, InboxCase[]> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async execute({ status }: CaseInbox): Promise<InboxCase[]> {
    const { rows } = await this.pool.query<{ case_id: string; applicant_id: string; channel: string; subject: string; status: string; registered_at: Date; answered_at: Date | null }>(
      `SELECT case_id, applicant_id, channel, subject, status, registered_at, answered_at FROM ${customerCasesProjection.table}
       WHERE $1::text IS NULL OR status = $1 ORDER BY registered_at, case_id LIMIT ${MAX_CASES}`,
      [status ?? null],
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
