import { StaffRead } from '@bostadsko/access-log';
import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { assertSelfOrStaff } from '../account/access.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { addDays, stockholmDate, type IsoDate } from '@bostadsko/calendar';
import type { FeeAccountState, FeeNotice } from './fee-account.decider.js';
import { FeeAccountService } from './fee-account.service.js';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { FeeResolutionDto } from './discrepancies.dto.js';
import { feeDiscrepanciesProjection } from './fee-discrepancies.projection.js';
import { feeDiscrepancyResolutionsProjection } from './fee-discrepancy-resolutions.projection.js';
import { resolutionOf } from './resolution-row.js';
import { SeekerFeesDto } from './seeker-fees.dto.js';
import { sekFromOre } from './money.js';
import { Clock } from '@bostadsko/clock';
import { policyOn } from '../policy/applicant-policy.js';
import { PolicyService } from '../policy/policy.service.js';

@ApiTags('fees')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('applicants/:applicantId/fees')
export class SeekerFeesController {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly fees: FeeAccountService,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
  ) {}

  /** From the fee account's own stream, not a read model: a seeker who just paid sees it at once. */
  @Get()
  @StaffRead()
  @ApiOkResponse({ type: SeekerFeesDto, description: 'Fee notices (amount, due date, OCR reference, status) and payments, oldest first' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<SeekerFeesDto> {
    assertSelfOrStaff(user, applicantId);
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

  /** Resolved discrepancies about the account: money paid for it, or matched to it from elsewhere. */
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

function statusOf(notice: FeeNotice, state: FeeAccountState, today: IsoDate): string {
  if (state.lapsed?.noticeId === notice.noticeId) return 'deregistered';
  if (notice.paidOn !== null) return 'paid';
  return notice.dueDate < today ? 'overdue' : 'unpaid';
}
