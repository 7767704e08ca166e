import { Inject, Injectable } from '@nestjs/common';
import { DeciderHandler, type CommandContext } from '@bostadsko/command-handling';
import { Conflict, DomainRuleViolation, NotFound } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { Clock } from '@bostadsko/clock';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { FeeRuleViolation } from './fee-account.decider.js';
import { feeDiscrepanciesProjection } from './fee-discrepancies.projection.js';
import type { FeeDiscrepancyState, ListedDiscrepancy, ResolveDiscrepancy } from './fee-discrepancy.decider.js';
import { feeDiscrepancyStream, type FeeDiscrepancyEvent, type FeeDiscrepancyResolved, type Resolution } from './fee-discrepancy.events.js';
import { feeDiscrepancyStreams } from './fee-discrepancy.stream.js';
import { PaymentsService, type PaymentResult } from './payments.service.js';

export interface ResolutionRequest {
  readonly discrepancyId: string;
  readonly resolution: Resolution;
  readonly note: string;
  /** For `matched`: the OCR reference of the notice the money belongs to. */
  readonly reference: string | null;
}

export interface ResolutionResult {
  readonly resolved: FeeDiscrepancyResolved['data'];
  /** For `matched`: how the payment placed on the notice was applied (it follows the fee rules like any payment). */
  readonly payment: PaymentResult | null;
}

interface Row {
  id: string;
  kind: ListedDiscrepancy['kind'];
  reason: string;
  applicant_id: string | null;
  discrepancy_ore: string | null;
  paid_on: IsoDate | null;
}

/**
 * Resolves a listed discrepancy on its own stream, then, for a match, registers the money on the
 * notice's fee account as a payment of its own (`resolution:<discrepancy id>`, dated as the money
 * was paid), so the fee rules decide it like any other: it may pay the notice, or reverse a
 * deregistration the payment would have prevented. The resolution is recorded first and the
 * payment is idempotent by its id, so a retry (same Idempotency-Key, answered as the first time), or
 * a later attempt (answered 409), completes a match a crash interrupted.
 */
@Injectable()
export class DiscrepancyResolutionService {
  private readonly handler: DeciderHandler<ResolveDiscrepancy, FeeDiscrepancyEvent, FeeDiscrepancyState>;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly payments: PaymentsService,
    private readonly clock: Clock,
  ) {
    this.handler = new DeciderHandler(infra.store, feeDiscrepancyStreams);
  }

  async resolve(request: ResolutionRequest, context: CommandContext): Promise<ResolutionResult> {
    const discrepancy = await this.listed(request.discrepancyId);
    const match = request.resolution === 'matched' ? await this.matchOf(discrepancy, request.reference) : null;
    const on = stockholmDate(this.clock.now());
    try {
      const { state } = await this.handler.handle({ type: 'resolve-discrepancy', discrepancy, resolution: request.resolution, match, note: request.note, by: context.actor, on }, context);
      if (!state.resolved) throw new Error('A resolution left the discrepancy unresolved');
      return { resolved: state.resolved, payment: await this.placeMatch(state.resolved, context) };
    } catch (error) {
      if (!(error instanceof FeeRuleViolation)) throw error;
      if (error.code === 'already-resolved') {
        const resolved = (await this.handler.load(feeDiscrepancyStream(discrepancy.id))).state.resolved;
        if (!resolved) throw error;
        await this.placeMatch(resolved, context);
        throw alreadyResolved(resolved);
      }
      throw new DomainRuleViolation(error.message, { type: `https://bostadsko.se/problems/${error.code}` });
    }
  }

  private async listed(id: string): Promise<ListedDiscrepancy & { paidOn: IsoDate | null }> {
    const { rows } = await this.infra.pool.query<Row>(`SELECT id, kind, reason, applicant_id, discrepancy_ore::text, paid_on::text FROM ${feeDiscrepanciesProjection.table} WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new NotFound('No such discrepancy');
    return { id: row.id, kind: row.kind, reason: row.reason, applicantId: row.applicant_id, discrepancyOre: row.discrepancy_ore === null ? null : Number(row.discrepancy_ore), paidOn: row.paid_on };
  }

  private async matchOf(discrepancy: ListedDiscrepancy, reference: string | null) {
    const notice = reference === null ? undefined : await this.payments.noticeOf(reference);
    if (reference === null || notice === undefined) {
      throw new DomainRuleViolation('No fee notice has that reference: give the OCR reference of the notice the money was meant for', {
        type: 'https://bostadsko.se/problems/no-such-notice',
        extensions: { errors: [{ field: 'reference', messages: ['no fee notice has this reference'] }] },
      });
    }
    return { reference, applicantId: notice.applicantId, paymentId: `resolution:${discrepancy.id}` };
  }

  /** The money of a match, registered on the notice's account: a no-op when it already was. */
  private async placeMatch(resolved: FeeDiscrepancyResolved['data'], context: CommandContext): Promise<PaymentResult | null> {
    const { match } = resolved;
    if (!match || resolved.amountOre === null) return null;
    const { paidOn } = await this.listed(resolved.discrepancyId);
    return this.payments.register(
      {
        paymentId: match.paymentId,
        reference: match.reference,
        amountOre: resolved.amountOre,
        paidOn: paidOn ?? resolved.resolvedOn,
        bankReference: null,
        source: 'discrepancy-resolution',
        fileId: null,
        registeredBy: resolved.resolvedBy,
      },
      context,
    );
  }
}

function alreadyResolved(resolved: FeeDiscrepancyResolved['data']): Conflict {
  return new Conflict(`This discrepancy was already resolved (${resolved.resolution}) on ${resolved.resolvedOn}`, {
    type: 'https://bostadsko.se/problems/discrepancy-already-resolved',
    extensions: { resolution: resolved.resolution, resolvedBy: resolved.resolvedBy, resolvedOn: resolved.resolvedOn },
  });
}
