import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessLog } from '@bostadsko/access-log';
import { Clock } from '@bostadsko/clock';
import { DATA_CONTROLLER, type RegisterExtractSection, heldOrNotFound } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { Inject } from '@nestjs/common';

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** The statistics app's part of a seeker's register extract. */
export class RegisterExtractOf extends Query<RegisterExtractSection> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(RegisterExtractOf)
export class RegisterExtractOfHandler implements IQueryHandler<RegisterExtractOf, RegisterExtractSection> {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId }: RegisterExtractOf): Promise<RegisterExtractSection> {
    const { pool } = this.infra;
    const [seeker, applications, lettings, accessLog] = await Promise.all([
      pool.query<{ registered_on: Date | null; birth_year: number | null; left_on: Date | null; left_reason: string | null }>(
        'SELECT registered_on, birth_year, left_on, left_reason FROM statistics.seekers WHERE applicant_id = $1',
        [applicantId],
      ),
      pool.query<{ application_id: string; listing_id: string; submitted_on: Date }>(
        'SELECT application_id, listing_id, submitted_on FROM statistics.applications WHERE applicant_id = $1 ORDER BY submitted_on',
        [applicantId],
      ),
      pool.query<{ listing_id: string; contract_date: Date; tenant_queue_days: number | null }>(
        'SELECT listing_id, contract_date, tenant_queue_days FROM statistics.lettings WHERE tenant_applicant_id = $1 ORDER BY contract_date',
        [applicantId],
      ),
      this.accessLog.of(applicantId),
    ]);
    const row = seeker.rows[0];
    return heldOrNotFound({
      app: 'statistics',
      controller: DATA_CONTROLLER,
      generatedAt: this.clock.now().toISOString(),
      applicantId,
      purpose:
        'No name, personnummer or contact details: only pseudonymous facts (year of birth, when you registered and left, applications and lettings) counted in reports that never show fewer than the threshold of people.',
      personalData: row ? { birthYear: row.birth_year, registeredOn: day(row.registered_on), leftOn: day(row.left_on), leftReason: row.left_reason } : null,
      records: [
        ...applications.rows.map((a) => ({ type: 'application-counted', at: day(a.submitted_on), data: { applicationId: a.application_id, listingId: a.listing_id } })),
        ...lettings.rows.map((l) => ({ type: 'letting-counted', at: day(l.contract_date), data: { listingId: l.listing_id, queueDays: l.tenant_queue_days } })),
      ],
      accessLog,
    });
  }
}
