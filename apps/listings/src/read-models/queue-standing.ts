import type { IsoDate } from '@bostadsko/calendar';

/** One change of a seeker's standing, from QueueStandingChangedV1. */
export interface StandingChange {
  readonly messageId: string;
  readonly status: 'active' | 'deregistered' | 'closed';
  readonly queueStartDate: IsoDate | null;
  readonly effectiveFrom: IsoDate;
  readonly reason: string;
  /** When applicants published it: the audit uses only what was known when a listing was ranked. */
  readonly occurredAt: string;
}

export interface QueueStanding {
  readonly status: 'active' | 'deregistered' | 'closed';
  readonly queueStartDate: IsoDate | null;
}

/**
 * The standing in effect on a date: the latest change effective on or before it
 * (changes effective the same day apply in the order they were published).
 */
export function standingOn(timeline: readonly StandingChange[], date: IsoDate): QueueStanding | null {
  let found: StandingChange | null = null;
  for (const change of timeline) {
    if (change.effectiveFrom > date) continue;
    if (found === null || change.effectiveFrom > found.effectiveFrom || (change.effectiveFrom === found.effectiveFrom && change.occurredAt >= found.occurredAt)) found = change;
  }
  return found && { status: found.status, queueStartDate: found.queueStartDate };
}
