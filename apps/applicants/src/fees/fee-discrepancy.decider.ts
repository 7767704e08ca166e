import type { IsoDate } from '@bostadsko/calendar';
import { FeeRuleViolation } from './fee-account.decider.js';
import type { DiscrepancyMatch, FeeDiscrepancyEvent, FeeDiscrepancyResolved, Resolution } from './fee-discrepancy.events.js';
import type { Ore } from './money.js';

/** A listed discrepancy as the read model holds it: what staff are resolving. */
export interface ListedDiscrepancy {
  readonly id: string;
  readonly kind: 'discrepancy' | 'unmatched' | 'invalid-line';
  readonly reason: string;
  readonly applicantId: string | null;
  /** The part of the payment the reason is about: not applied, excess, or (underpaid) still owed by the seeker. */
  readonly discrepancyOre: Ore | null;
}

export type FeeDiscrepancyState = { readonly resolved: null } | { readonly resolved: FeeDiscrepancyResolved['data'] };
export const initialFeeDiscrepancy: FeeDiscrepancyState = { resolved: null };

export interface ResolveDiscrepancy {
  readonly type: 'resolve-discrepancy';
  readonly discrepancy: ListedDiscrepancy;
  readonly resolution: Resolution;
  /** For `matched`: the notice the money is placed on, found by its OCR reference. */
  readonly match: DiscrepancyMatch | null;
  readonly note: string;
  readonly by: string;
  readonly on: IsoDate;
}

/**
 * Money the agency holds and may place or pay back: a payment not applied at all, the excess of an
 * overpayment, a payment matching no notice, or one applied after its deadline. An underpayment is
 * money the seeker still owes, and an unreadable file line has no amount the system could read.
 */
function holdsMoney(d: ListedDiscrepancy): boolean {
  return d.kind !== 'invalid-line' && d.reason !== 'underpaid' && (d.discrepancyOre ?? 0) > 0;
}

/** Which resolutions fit which discrepancy; `dismissed` (nothing to do, with the reason why) fits every one. */
const ALLOWED: Readonly<Record<Resolution, (d: ListedDiscrepancy) => boolean>> = {
  matched: holdsMoney,
  refunded: holdsMoney,
  'written-off': (d) => d.kind !== 'invalid-line',
  dismissed: () => true,
};

/** One resolution per discrepancy: it is final, and a second one is refused, whoever sends it. */
export function decideDiscrepancy(command: ResolveDiscrepancy, state: FeeDiscrepancyState): FeeDiscrepancyEvent[] {
  const { discrepancy: d, resolution, match } = command;
  if (state.resolved) {
    throw new FeeRuleViolation('already-resolved', `This discrepancy was already resolved (${state.resolved.resolution}) on ${state.resolved.resolvedOn}`);
  }
  if (!ALLOWED[resolution](d)) {
    throw new FeeRuleViolation(
      'resolution-not-allowed',
      `A ${d.kind} (${d.reason}) cannot be ${resolution}: ${d.kind === 'invalid-line' ? 'register the payment by hand, then dismiss the line' : 'there is no money held to place or pay back'}`,
    );
  }
  if ((resolution === 'matched') !== (match !== null)) throw new FeeRuleViolation('match-required', 'A notice reference is needed to match a payment, and only then');
  return [
    {
      type: 'fee-discrepancy-resolved',
      data: {
        discrepancyId: d.id,
        kind: d.kind,
        reason: d.reason,
        applicantId: d.applicantId,
        resolution,
        amountOre: d.discrepancyOre,
        match,
        note: command.note,
        resolvedBy: command.by,
        resolvedOn: command.on,
      },
    },
  ];
}

export function evolveDiscrepancy(_state: FeeDiscrepancyState, event: FeeDiscrepancyEvent): FeeDiscrepancyState {
  return { resolved: event.data };
}
