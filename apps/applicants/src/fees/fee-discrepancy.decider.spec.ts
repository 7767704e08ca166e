import { deciderSpecification } from '@bostadsko/testing';
import { decideDiscrepancy, evolveDiscrepancy, initialFeeDiscrepancy, type ListedDiscrepancy, type ResolveDiscrepancy } from './fee-discrepancy.decider.js';
import type { FeeDiscrepancyEvent, Resolution } from './fee-discrepancy.events.js';

const given = deciderSpecification({ decide: decideDiscrepancy, evolve: evolveDiscrepancy, initialState: initialFeeDiscrepancy });

const applicantId = '6f1c3c1e-8a4b-4c39-9d4e-0f7a2a7f2b11';
const unmatched: ListedDiscrepancy = { id: 'bank:BG-1', kind: 'unmatched', reason: 'unknown-reference', applicantId: null, discrepancyOre: 20000 };
const overpaid: ListedDiscrepancy = { id: 'bank:BG-2', kind: 'discrepancy', reason: 'overpaid', applicantId, discrepancyOre: 5000 };
const underpaid: ListedDiscrepancy = { id: 'bank:BG-3', kind: 'discrepancy', reason: 'underpaid', applicantId, discrepancyOre: 5000 };
const unreadable: ListedDiscrepancy = { id: 'file:abc:3', kind: 'invalid-line', reason: 'unreadable-line', applicantId: null, discrepancyOre: null };
const match = { reference: '10000180', applicantId, paymentId: 'resolution:bank:BG-1' };

const resolve = (discrepancy: ListedDiscrepancy, resolution: Resolution, withMatch = resolution === 'matched' ? match : null): ResolveDiscrepancy => ({
  type: 'resolve-discrepancy',
  discrepancy,
  resolution,
  match: withMatch,
  note: 'Checked with the seeker',
  by: 'staff-1',
  on: '2027-03-02',
});
const resolved = (discrepancy: ListedDiscrepancy, resolution: Resolution, withMatch = resolution === 'matched' ? match : null): FeeDiscrepancyEvent => ({
  type: 'fee-discrepancy-resolved',
  data: {
    discrepancyId: discrepancy.id,
    kind: discrepancy.kind,
    reason: discrepancy.reason,
    applicantId: discrepancy.applicantId,
    resolution,
    amountOre: discrepancy.discrepancyOre,
    match: withMatch,
    note: 'Checked with the seeker',
    resolvedBy: 'staff-1',
    resolvedOn: '2027-03-02',
  },
});

describe('fee discrepancy: resolving', () => {
  test('an unmatched payment is matched to the notice it was meant for, with who, when and why', () => {
    given()
      .when(resolve(unmatched, 'matched'))
      .then([resolved(unmatched, 'matched')]);
  });

  test('money the agency holds can be matched, refunded, written off or dismissed', () => {
    for (const resolution of ['matched', 'refunded', 'written-off', 'dismissed'] as const) {
      given()
        .when(resolve(overpaid, resolution))
        .then([resolved(overpaid, resolution)]);
    }
  });

  test('an underpayment is money the seeker owes: it can be written off or dismissed, not matched or refunded', () => {
    given()
      .when(resolve(underpaid, 'written-off'))
      .then([resolved(underpaid, 'written-off')]);
    given()
      .when(resolve(underpaid, 'dismissed'))
      .then([resolved(underpaid, 'dismissed')]);
    given().when(resolve(underpaid, 'matched')).thenThrows('resolution-not-allowed');
    given().when(resolve(underpaid, 'refunded')).thenThrows('resolution-not-allowed');
  });

  test('an unreadable bank-file line has no amount: it is only dismissed (once the payment is registered by hand)', () => {
    given()
      .when(resolve(unreadable, 'dismissed'))
      .then([resolved(unreadable, 'dismissed')]);
    for (const resolution of ['matched', 'refunded', 'written-off'] as const) given().when(resolve(unreadable, resolution)).thenThrows('resolution-not-allowed');
  });

  test('a match names its notice, and only a match does', () => {
    given()
      .when(resolve(unmatched, 'matched', null))
      .thenThrows('match-required');
    given()
      .when(resolve(unmatched, 'refunded', match))
      .thenThrows('match-required');
  });

  test('a resolution is final: a second one is refused, whatever it says', () => {
    given([resolved(unmatched, 'refunded')])
      .when(resolve(unmatched, 'refunded'))
      .thenThrows('already-resolved');
    given([resolved(unmatched, 'refunded')])
      .when(resolve(unmatched, 'matched'))
      .thenThrows('already-resolved');
  });
});
