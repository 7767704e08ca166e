import { defineContract, is } from '../contract.js';

/**
 * A seeker's place in the queue changed: what listings needs to rank by queue
 * days on any date. `queueStartDate` is null when the account left the queue.
 */
export interface QueueStandingChangedV1 {
  readonly applicantId: string;
  readonly status: 'active' | 'deregistered' | 'closed';
  readonly queueStartDate: string | null;
  readonly effectiveFrom: string;
  readonly reason: string;
}

export const QueueStandingChangedV1 = defineContract<QueueStandingChangedV1>('applicants.queue-standing-changed.v1', 1, {
  applicantId: is.uuid,
  status: is.oneOf('active', 'deregistered', 'closed'),
  queueStartDate: (v) => v === null || is.isoDate(v),
  effectiveFrom: is.isoDate,
  reason: (v) => typeof v === 'string' && v.length > 0,
});
