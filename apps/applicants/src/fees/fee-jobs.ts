import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { GlobalPosition } from '@bostadsko/event-store';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { CommandContext } from '@bostadsko/command-handling';
import { policyOn, POLICY_LIMITS, type PolicyChange } from '../policy/applicant-policy.js';
import { addDays, type IsoDate } from '@bostadsko/calendar';
import { PolicyService } from '../policy/policy.service.js';
import { CommandBus } from '@nestjs/cqrs';
import { DeregisterForUnpaidFee, IssueFeeNotice, LapseForUnpaidFee, ReverseDeregistration } from './fee-job.commands.js';
import { deregistrationDay, lastPayDay } from './fee-deadline.rules.js';
import { feeAccountsProjection } from './fee-accounts.projection.js';
import { feeNoticesProjection } from './fee-notices.projection.js';
import { readModelsCaughtUp } from './read-model-wait.js';

/** Recorded as the actor and as `decidedBy` on every decision the job makes. */
const FEE_JOB = 'fee-job';
const LOCK_KEY = 7_340_301;
/**
 * No grace and settlement can be longer (the settlement's banking days at most doubled by
 * weekends and holidays, with room), so older notices never need looking at again.
 */
const LONGEST_WAIT = POLICY_LIMITS.graceDays.max + 3 * POLICY_LIMITS.settlementBankingDays.max;

export interface FeeJobRun {
  /** The days processed, first and last; null when every day up to `today` was already done. */
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly days: number;
  readonly noticesIssued: number;
  readonly deregistered: number;
  /** Deregistrations a payment in time had reversed on the fee account, completed here after a crash between the two writes. */
  readonly reversed: number;
}

interface OverdueRow {
  applicant_id: string;
  notice_id: string;
  due_date: IsoDate;
  paid_on: IsoDate | null;
  status: 'open' | 'paid' | 'lapsed';
}

/**
 * The daily fee job: issues the notices that fall due and deregisters accounts
 * whose fee is unpaid after the grace days. It processes every day from the last
 * completed one up to `today`, each with the policy of that day, and records each
 * completed day, so after downtime it catches up exactly as if it had run daily.
 * Every step is idempotent, and an advisory lock keeps two instances from
 * running it at once.
 */
@Injectable()
export class FeeJobs {
  private readonly logger = new Logger('FeeJobs');

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly commands: CommandBus,
    private readonly policy: PolicyService,
  ) {}

  async runUntil(today: IsoDate, correlationId: string = randomUUID()): Promise<FeeJobRun> {
    const client = await this.infra.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
      try {
        const { rows } = await client.query<{ day: IsoDate }>(`SELECT last_completed_day::text AS day FROM applicants.fee_job_progress WHERE job = $1`, [FEE_JOB]);
        // The first run ever starts today: there is no earlier day the job owes.
        const from = rows[0] ? addDays(rows[0].day, 1) : today;
        const run: { -readonly [K in keyof FeeJobRun]: FeeJobRun[K] } = { from: null, to: null, days: 0, noticesIssued: 0, deregistered: 0, reversed: 0 };
        if (from > today) return run;
        await readModelsCaughtUp(this.infra.pool, this.infra.store, [feeAccountsProjection, feeNoticesProjection]);
        const changes = await this.policy.changes();
        const context: CommandContext = { correlationId, actor: FEE_JOB };
        for (let day = from; day <= today; day = addDays(day, 1)) {
          const done = await this.runDay(day, changes, context);
          await client.query(
            `INSERT INTO applicants.fee_job_progress (job, last_completed_day) VALUES ($1, $2)
             ON CONFLICT (job) DO UPDATE SET last_completed_day = excluded.last_completed_day, updated_at = now()`,
            [FEE_JOB, day],
          );
          run.from ??= day;
          run.to = day;
          run.days++;
          run.noticesIssued += done.noticesIssued;
          run.deregistered += done.deregistered;
          run.reversed += done.reversed;
        }
        if (run.noticesIssued + run.deregistered > 0) this.logger.log(`fee job ${run.from}..${run.to}: ${run.noticesIssued} notices issued, ${run.deregistered} accounts deregistered`);
        return run;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  private async runDay(day: IsoDate, changes: readonly PolicyChange[], context: CommandContext): Promise<{ noticesIssued: number; deregistered: number; reversed: number }> {
    const policy = policyOn(changes, day);
    let written: GlobalPosition | undefined;
    let noticesIssued = 0;
    let deregistered = 0;

    const { rows: due } = await this.infra.pool.query<{ applicant_id: string; registered_on: IsoDate }>(
      `SELECT applicant_id, registered_on::text FROM ${feeAccountsProjection.table}
       WHERE status = 'active' AND next_due_date <= $1::date + $2::int ORDER BY applicant_id`,
      [day, policy.noticeLeadDays],
    );
    for (const account of due) {
      const issued = await this.commands.execute(new IssueFeeNotice(account.applicant_id, account.registered_on, day, policy, context));
      noticesIssued += issued.events.length;
      written = issued.position ?? written;
    }

    // Notices not paid by their due date (or lapsed without the deregistration yet done, after a crash).
    const { rows: overdue } = await this.infra.pool.query<OverdueRow>(
      `SELECT n.applicant_id, n.notice_id, n.due_date::text, n.paid_on::text, n.status
       FROM ${feeNoticesProjection.table} n JOIN ${feeAccountsProjection.table} a USING (applicant_id)
       WHERE a.status = 'active' AND (n.status = 'lapsed'
         OR (n.due_date < $1::date AND n.due_date >= $1::date - $2::int AND (n.paid_on IS NULL OR n.paid_on > n.due_date)))
       ORDER BY n.due_date, n.applicant_id`,
      [day, LONGEST_WAIT + 1],
    );
    for (const notice of overdue) {
      // Grace and settlement are those in force on the due date.
      const deadline = policyOn(changes, notice.due_date);
      const paidInTime = notice.paid_on !== null && notice.paid_on <= lastPayDay(notice.due_date, deadline);
      if (notice.status !== 'lapsed' && (day < deregistrationDay(notice.due_date, deadline) || paidInTime)) continue;
      // The fee account decides first, so a payment arriving at the same moment either saves the account or is recorded as late.
      const lapse = await this.commands.execute(new LapseForUnpaidFee(notice.applicant_id, { noticeId: notice.notice_id, on: day, deadline }, context));
      written = lapse.position ?? written;
      const lapsed = lapse.state.lapsed;
      if (!lapsed) continue;
      const { events } = await this.commands.execute(
        new DeregisterForUnpaidFee(
          notice.applicant_id,
          {
            on: lapsed.on,
            noticeId: lapsed.noticeId,
            dueDate: lapsed.dueDate,
            graceDays: lapsed.graceDays,
            // A lapse recorded before settlement existed was decided on day graceDays + 1.
            settlementBankingDays: lapsed.settlementBankingDays ?? 0,
            decidedBy: FEE_JOB,
          },
          context,
        ),
      );
      deregistered += events.length > 0 ? 1 : 0;
    }

    const reversed = await this.completeReversals(day, context);
    if (written) await readModelsCaughtUp(this.infra.pool, this.infra.store, [feeAccountsProjection, feeNoticesProjection], written);
    return { noticesIssued, deregistered, reversed };
  }

  /** A payment in time reinstated the fee account, but the applicant's reversal was never written (a crash in between): write it now. */
  private async completeReversals(day: IsoDate, context: CommandContext): Promise<number> {
    const { rows } = await this.infra.pool.query<{ applicant_id: string; notice_id: string; paid_on: IsoDate }>(
      `SELECT n.applicant_id, n.notice_id, n.paid_on::text FROM ${feeNoticesProjection.table} n JOIN ${feeAccountsProjection.table} a USING (applicant_id)
       WHERE a.status = 'deregistered' AND n.status = 'reinstated' ORDER BY n.applicant_id`,
    );
    let reversed = 0;
    for (const row of rows) {
      const { events } = await this.commands.execute(new ReverseDeregistration(row.applicant_id, { noticeId: row.notice_id, paidOn: row.paid_on, on: day, decidedBy: FEE_JOB }, context));
      reversed += events.length;
    }
    return reversed;
  }
}
