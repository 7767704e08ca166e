import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CustomerCaseRow } from './customer-cases.entity.js';

export interface InboxCase {
  readonly caseId: string;
  readonly applicantId: string;
  readonly channel: string;
  readonly subject: string;
  readonly status: string;
  readonly registeredAt: string;
  readonly answeredAt: string | null;
}

export const MAX_INBOX_CASES = 200;

/** The staff's work queue of customer cases across all seekers, oldest first, optionally in one status. */
export class CaseInbox extends Query<InboxCase[]> {
  constructor(readonly status: 'open' | 'answered' | undefined) {
    super();
  }
}

@QueryHandler(CaseInbox)
export class CaseInboxHandler implements IQueryHandler<CaseInbox, InboxCase[]> {
  constructor(private readonly readModels: DataSource) {}

  async execute({ status }: CaseInbox): Promise<InboxCase[]> {
    const rows = await this.readModels.getRepository(CustomerCaseRow).find({
      select: { caseId: true, applicantId: true, channel: true, subject: true, status: true, registeredAt: true, answeredAt: true },
      where: status === undefined ? {} : { status },
      order: { registeredAt: 'ASC', caseId: 'ASC' },
      take: MAX_INBOX_CASES,
    });
    return rows.map((row) => ({
      caseId: row.caseId,
      applicantId: row.applicantId,
      channel: row.channel,
      subject: row.subject,
      status: row.status,
      registeredAt: row.registeredAt.toISOString(),
      answeredAt: row.answeredAt?.toISOString() ?? null,
    }));
  }
}
