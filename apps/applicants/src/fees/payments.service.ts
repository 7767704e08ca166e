import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { VersionConflictError } from '@bostadsko/event-store';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { envelope, idempotencyMarkFor, type CommandContext } from '@bostadsko/command-handling';
import { Clock } from '@bostadsko/clock';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { policyOn } from '../policy/applicant-policy.js';
import { PolicyService } from '../policy/policy.service.js';
import type { FeeAccountState, ReceivedPayment } from './fee-account.decider.js';
import type { IncomingPayment } from './fee-account.events.js';
import { FeeAccountService } from './fee-account.service.js';
import { ReverseDeregistration } from './fee-job.commands.js';
import { deregistrationDay, lastPayDay, type FeeDeadlinePolicy } from './fee-deadline.rules.js';
import { feeNoticesProjection } from './fee-notices.projection.js';
import { isValidOcr } from './ocr.js';
import { unmatchedPaymentStream, type UnmatchedPaymentRecorded } from './payment.events.js';
import { paymentSchemas } from './payment.schemas.js';

export type PaymentOutcome = 'paid' | 'partly-paid' | 'late' | 'discrepancy' | 'unmatched';

export interface PaymentResult {
  readonly paymentId: string;
  readonly outcome: PaymentOutcome;
  /** True when this payment id was registered before: nothing new was recorded. */
  readonly duplicate: boolean;
  readonly applicantId: string | null;
  readonly noticeId: string | null;
  readonly reason: string | null;
  readonly amountOre: number;
  readonly appliedOre: number;
  /** A late payment: the last value date that kept the account, and the day it is (or was) deregistered. */
  readonly lastPayDay?: IsoDate;
  readonly deregistrationOn?: IsoDate;
}

/**
 * Routes a payment by its OCR reference to the fee account that issued it, or,
 * when no notice has that reference, to its own unmatched-payment stream. Either
 * way the payment is recorded once, by payment id.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly fees: FeeAccountService,
    private readonly commands: CommandBus,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async register(payment: IncomingPayment, context: CommandContext): Promise<PaymentResult> {
    // Checked first, so a payment once recorded as unmatched is not registered again on an account later.
    if ((await this.infra.store.readStream(unmatchedPaymentStream(payment.paymentId))).length > 0) return this.recordUnmatched(payment, context);
    const notice = isValidOcr(payment.reference) ? await this.noticeOf(payment.reference) : undefined;
    if (notice === undefined) return this.recordUnmatched(payment, context);
    const { applicantId, dueDate } = notice;
    // The grace and settlement in force on the due date, as the fee job applies them.
    const deadline = policyOn(await this.policy.changes(), dueDate);
    const { state, events } = await this.fees.handle(applicantId, { type: 'register-payment', payment, deadline }, context);
    const reversal = events.find((e) => e.type === 'fee-account-lapse-reversed');
    if (reversal) {
      const { noticeId, paidOn } = reversal.data;
      await this.commands.execute(new ReverseDeregistration(applicantId, { noticeId, paidOn, on: stockholmDate(this.clock.now()), decidedBy: context.actor }, context));
    }
    const received = events.length > 0 ? (events[0].data as ReceivedPayment) : state.payments[payment.paymentId];
    return fromReceived(applicantId, received, events.length === 0, reversal !== undefined, lateness(received, state, dueDate, deadline));
  }

  /** Which account issued a reference, and the notice's due date, from the fee-notices read model. */
  async noticeOf(reference: string): Promise<{ applicantId: string; dueDate: IsoDate } | undefined> {
    const { rows } = await this.infra.pool.query<{ applicant_id: string; due_date: IsoDate }>(`SELECT applicant_id, due_date::text FROM ${feeNoticesProjection.table} WHERE reference = $1`, [
      reference,
    ]);
    return rows[0] && { applicantId: rows[0].applicant_id, dueDate: rows[0].due_date };
  }

  private async recordUnmatched(payment: IncomingPayment, context: CommandContext): Promise<PaymentResult> {
    const event: UnmatchedPaymentRecorded = {
      type: 'unmatched-payment-recorded',
      data: { ...payment, reason: isValidOcr(payment.reference) ? 'unknown-reference' : 'invalid-reference' },
    };
    const stream = unmatchedPaymentStream(payment.paymentId);
    const mark = idempotencyMarkFor(stream);
    let duplicate = false;
    try {
      await this.infra.store.append(stream, [envelope(event, paymentSchemas, context, mark)], 'no_stream');
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      // Recorded before, unless by this very request: its retry after a crash answers as the first attempt did.
      const [recorded] = await this.infra.store.readStream(stream);
      duplicate = mark === undefined || recorded?.metadata.idempotencyKey !== mark;
    }
    return { paymentId: payment.paymentId, outcome: 'unmatched', duplicate, applicantId: null, noticeId: null, reason: event.data.reason, amountOre: payment.amountOre, appliedOre: 0 };
  }
}

/** What follows a late payment: the deregistration it cannot prevent, already made or due on its day. */
function lateness(payment: ReceivedPayment, state: FeeAccountState, dueDate: IsoDate, deadline: FeeDeadlinePolicy): Pick<PaymentResult, 'lastPayDay' | 'deregistrationOn'> {
  if (payment.discrepancy?.reason !== 'late') return {};
  return { lastPayDay: lastPayDay(dueDate, deadline), deregistrationOn: state.lapsed?.on ?? deregistrationDay(dueDate, deadline) };
}

function fromReceived(applicantId: string, payment: ReceivedPayment, duplicate: boolean, reversed: boolean, late: Pick<PaymentResult, 'lastPayDay' | 'deregistrationOn'>): PaymentResult {
  const discrepancy = payment.discrepancy?.reason ?? null;
  const outcome: PaymentOutcome = discrepancy === null ? 'paid' : discrepancy === 'underpaid' ? 'partly-paid' : discrepancy === 'late' ? 'late' : 'discrepancy';
  // Overpaid or exact, a payment that reverses a deregistration says so; the excess is still listed for staff.
  const reason = reversed ? 'deregistration-reversed' : discrepancy;
  return { paymentId: payment.paymentId, outcome, duplicate, applicantId, noticeId: payment.noticeId, reason, amountOre: payment.amountOre, appliedOre: payment.appliedOre, ...late };
}
