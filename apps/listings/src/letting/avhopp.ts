import { addMonths, type IsoDate } from './dates.js';
import type { LettingPolicy } from './letting.policy.js';

/**
 * The date until which a seeker may not apply, given the dates of their
 * withdrawals (avhopp): when `avhoppLimit` of them fall within `avhoppWindowMonths`,
 * applying is blocked for `avhoppBlockMonths` from the one that reached the limit.
 * Undefined when not blocked on `on`. Exported for the seeker decider that refuses applications.
 */
export function avhoppBlockedUntil(avhoppDates: readonly IsoDate[], policy: Pick<LettingPolicy, 'avhoppLimit' | 'avhoppWindowMonths' | 'avhoppBlockMonths'>, on: IsoDate): IsoDate | undefined {
  const dates = [...avhoppDates].filter((d) => d <= on).sort();
  let until: IsoDate | undefined;
  for (let i = policy.avhoppLimit - 1; i < dates.length; i++) {
    const first = dates[i - policy.avhoppLimit + 1];
    // The window is 12 months back from the latest withdrawal, inclusive of its first day.
    if (first > addMonths(dates[i], -policy.avhoppWindowMonths)) {
      const blockEnd = addMonths(dates[i], policy.avhoppBlockMonths);
      if (until === undefined || blockEnd > until) until = blockEnd;
    }
  }
  return until !== undefined && until > on ? until : undefined;
}
