import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { VersionConflictError } from '../../../../libs/event-store/src/index.js';
import { INFRASTRUCTURE } from '../../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import type { CommandContext } from '../applicant/applicant.service.js';
import type { ReceivedPayment } from './fee-account.decider.js';
import type { IncomingPayment } from './fee-account.events.js';
import { FeeAccountService } from './fee-account.service.js';
import { feeNoticesProjection } from './fee-notices.projection.js';
import { isValidOcr } from './ocr.js';
import { unmatchedPaymentStream, type UnmatchedPaymentRecorded } from './payment.events.js';

export type PaymentOutcome = 'paid' | 'partly-paid' | 'discrepancy' | 'unmatched';

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
  ) {}

  async register(payment: IncomingPayment, context: CommandContext): Promise<PaymentResult> {
    // Checked first, so a payment once recorded as unmatched is not registered again on an account later.
    if ((await this.infra.store.readStream(unmatchedPaymentStream(payment.paymentId))).length > 0) return this.recordUnmatched(payment, context);
    const applicantId = isValidOcr(payment.reference) ? await this.accountOf(payment.reference) : undefined;
    if (applicantId === undefined) return this.recordUnmatched(payment, context);
    const { state, events } = await this.fees.handle(applicantId, { type: 'register-payment', payment }, context);
    const received = events.length > 0 ? (events[0].data as ReceivedPayment) : state.payments[payment.paymentId];
    return fromReceived(applicantId, received, events.length === 0);
  }

  /** Which account issued a reference, from the fee-notices read model. */
  private async accountOf(reference: string): Promise<string | undefined> {
    const { rows } = await this.infra.pool.query<{ applicant_id: string }>(`SELECT applicant_id FROM ${feeNoticesProjection.table} WHERE reference = $1`, [reference]);
    return rows[0]?.applicant_id;
  }

  private async recordUnmatched(payment: IncomingPayment, context: CommandContext): Promise<PaymentResult> {
    const event: UnmatchedPaymentRecorded = {
      type: 'unmatched-payment-recorded',
      data: { ...payment, reason: isValidOcr(payment.reference) ? 'unknown-reference' : 'invalid-reference' },
    };
    let duplicate = false;
    try {
      await this.infra.store.append(
        unmatchedPaymentStream(payment.paymentId),
        [
          {
            id: randomUUID(),
            type: event.type,
            schemaVersion: 1,
            data: event.data,
            metadata: { correlationId: context.correlationId, causationId: context.causationId ?? null, actor: context.actor },
          },
        ],
        'no_stream',
      );
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      duplicate = true;
    }
    return { paymentId: payment.paymentId, outcome: 'unmatched', duplicate, applicantId: null, noticeId: null, reason: event.data.reason, amountOre: payment.amountOre, appliedOre: 0 };
  }
}

function fromReceived(applicantId: string, payment: ReceivedPayment, duplicate: boolean): PaymentResult {
  const reason = payment.discrepancy?.reason ?? null;
  const outcome: PaymentOutcome = reason === null ? 'paid' : reason === 'underpaid' ? 'partly-paid' : 'discrepancy';
  return { paymentId: payment.paymentId, outcome, duplicate, applicantId, noticeId: payment.noticeId, reason, amountOre: payment.amountOre, appliedOre: payment.appliedOre };
}
