import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { addDays, stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { NotFound } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { ApplicantService } from '../applicant/applicant.service.js';
import { policyOn } from '../policy/applicant-policy.js';
import { PolicyService } from '../policy/policy.service.js';
import type { FeeAccountState, FeeNotice } from './fee-account.decider.js';
import { FeeAccountService } from './fee-account.service.js';
import { feeDiscrepanciesProjection } from './fee-discrepancies.projection.js';
import { feeNoticesProjection } from './fee-notices.projection.js';
import type { DiscrepancyDto, FeeResolutionDto } from './discrepancies.dto.js';
import { feeDiscrepancyResolutionsProjection } from './fee-discrepancy-resolutions.projection.js';
import { resolutionOf } from './resolution-row.js';
import type { SeekerFeesDto } from './seeker-fees.dto.js';
import { sekFromOre } from './money.js';

/** A seeker's fee notices and payments, from the fee account's own stream, not a read model: a seeker who just paid sees it at once. */
export class SeekerFeesOf extends Query<SeekerFeesDto> {
  constructor(readonly applicantId: string) {
    super();
  }
}

/** Payments not applied as sent, unmatched payments and unreadable bank-file lines, newest first; open, resolved or all. */
export class FeeDiscrepancies extends Query<{ items: DiscrepancyDto[]; limit: number; offset: number }> {
  constructor(
    readonly kind: string | null,
    readonly state: 'open' | 'resolved' | 'all',
    readonly id: string | null,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

@QueryHandler(SeekerFeesOf)
export class SeekerFeesOfHandler implements IQueryHandler<SeekerFeesOf, SeekerFeesDto> {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly fees: FeeAccountService,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
  ) {}

  async execute({ applicantId }: SeekerFeesOf): Promise<SeekerFeesDto> {
    if ((await this.applicants.load(applicantId)).state.status === 'none') throw new NotFound('No such account');
    const [{ state }, changes, resolutions] = await Promise.all([this.fees.load(applicantId), this.policy.changes(), this.resolutions(applicantId)]);
    const today = stockholmDate(this.clock.now());
    return {
      applicantId,
      notices: state.notices.map((notice) => ({
        noticeId: notice.noticeId,
        year: notice.year,
        amount: sekFromOre(notice.amountOre),
        dueDate: notice.dueDate,
        payableFrom: notice.payableFrom,
        reference: notice.reference,
        status: statusOf(notice, state, today),
        paid: sekFromOre(notice.paidOre),
        outstanding: sekFromOre(notice.amountOre - notice.paidOre),
        paidOn: notice.paidOn,
        // The grace in force on the due date is the one the fee job applies to this notice.
        lastPayDay: addDays(notice.dueDate, policyOn(changes, notice.dueDate).graceDays),
      })),
      payments: Object.values(state.payments).map((p) => ({
        paymentId: p.paymentId,
        reference: p.reference,
        amount: sekFromOre(p.amountOre),
        applied: sekFromOre(p.appliedOre),
        paidOn: p.paidOn,
        noticeId: p.noticeId,
        discrepancy: p.discrepancy?.reason ?? null,
      })),
      resolutions,
    };
  }

  private async resolutions(applicantId: string): Promise<FeeResolutionDto[]> {
    const { rows } = await this.infra.pool.query<Record<string, string | null>>(
      `SELECT d.id, d.kind, d.reason, d.discrepancy_ore::text, d.paid_on::text,
              r.resolution, r.note, r.resolved_by, r.resolved_on::text, r.match_reference, r.match_applicant_id, r.match_payment_id
       FROM ${feeDiscrepancyResolutionsProjection.table} r JOIN ${feeDiscrepanciesProjection.table} d ON d.id = r.discrepancy_id
       WHERE r.applicant_id = $1 OR r.match_applicant_id = $1
       ORDER BY r.recorded_at, d.id`,
      [applicantId],
    );
    return rows.flatMap((r) => {
      const resolution = resolutionOf(r);
      if (!resolution) return [];
      return [
        { ...resolution, discrepancyId: r.id ?? '', kind: r.kind ?? '', reason: r.reason ?? '', amount: r.discrepancy_ore === null ? null : sekFromOre(Number(r.discrepancy_ore)), paidOn: r.paid_on },
      ];
    });
  }
}

@QueryHandler(FeeDiscrepancies)
export class FeeDiscrepanciesHandler implements IQueryHandler<FeeDiscrepancies, { items: DiscrepancyDto[]; limit: number; offset: number }> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async execute({ kind, state, id, limit, offset }: FeeDiscrepancies): Promise<{ items: DiscrepancyDto[]; limit: number; offset: number }> {
    const { rows } = await this.infra.pool.query(
      `SELECT d.id, d.kind, d.reason, d.applicant_id, d.notice_id, n.status AS notice_status, d.reference, d.amount_ore::int, d.discrepancy_ore::int,
              d.paid_on::text, d.bank_reference, d.file_id, d.detail, d.recorded_at,
              r.resolution, r.note, r.resolved_by, r.resolved_on::text, r.match_reference, r.match_applicant_id, r.match_payment_id
       FROM ${feeDiscrepanciesProjection.table} d LEFT JOIN ${feeNoticesProjection.table} n ON n.notice_id = d.notice_id
         LEFT JOIN ${feeDiscrepancyResolutionsProjection.table} r ON r.discrepancy_id = d.id
       WHERE ($1::text IS NULL OR d.kind = $1) AND ($4 = 'all' OR (r.discrepancy_id IS NULL) = ($4 = 'open')) AND ($5::text IS NULL OR d.id = $5)
       ORDER BY d.recorded_at DESC, d.id LIMIT $2 OFFSET $3`,
      [kind, limit, offset, state, id],
    );
    const items = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      applicantId: r.applicant_id,
      noticeId: r.notice_id,
      noticeStatus: r.notice_status,
      reference: r.reference,
      amount: r.amount_ore === null ? null : sekFromOre(r.amount_ore),
      discrepancyAmount: r.discrepancy_ore === null ? null : sekFromOre(r.discrepancy_ore),
      paidOn: r.paid_on,
      bankReference: r.bank_reference,
      fileId: r.file_id,
      detail: r.detail,
      recordedAt: (r.recorded_at as Date).toISOString(),
      resolution: resolutionOf(r),
    }));
    return { items, limit, offset };
  }
}

function statusOf(notice: FeeNotice, state: FeeAccountState, today: IsoDate): string {
  if (state.lapsed?.noticeId === notice.noticeId) return 'deregistered';
  if (notice.paidOn !== null) return 'paid';
  return notice.dueDate < today ? 'overdue' : 'unpaid';
}
