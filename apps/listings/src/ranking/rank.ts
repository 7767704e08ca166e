import { createHash } from 'node:crypto';
import type { ListingType } from '@bostadsko/contracts';
import { daysBetween, type IsoDate } from '@bostadsko/calendar';
import type { ExcludedApplicant, RankedApplicant } from '../listing/listing.events.js';
import type { QueueStanding } from '../read-models/queue-standing.js';

export type RankingMethod = 'queue-days' | 'application-time' | 'lottery';

export function methodFor(type: ListingType): RankingMethod {
  if (type === 'first-come') return 'application-time';
  if (type === 'lottery') return 'lottery';
  return 'queue-days';
}

/** One application as it stood at the deadline, with what the rules need to place it. */
export interface Candidate {
  readonly applicationId: string;
  readonly applicantId: string;
  readonly submittedAt: string;
  /** Requirement codes the declaration fails at the deadline; 'declaration-erased' when it can no longer be read. */
  readonly failures: readonly string[];
  /** The seeker's standing in effect on the deadline date. */
  readonly standing: QueueStanding | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Lottery order key: anyone can compute it with `printf '%s' "<seed><applicantId>" | sha256sum`. */
export const lotteryKey = (seed: string, applicantId: string) => sha256(seed + applicantId);
export const seedHash = (seed: string) => sha256(seed);
/**
 * The final, deterministic tie-break: SHA-256 of "<listingId>:<applicationId>". Application ids are random,
 * so this favours no one, and hashing with the listing id keeps one seeker from being first on every tie.
 */
export const tieBreakKey = (listingId: string, applicationId: string) => sha256(`${listingId}:${applicationId}`);

interface Sortable {
  readonly candidate: Candidate;
  readonly queueDays: number | null;
  readonly queueStartDate: IsoDate | null;
  readonly lottery: string;
  readonly tie: string;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ranking rules, pure: who is eligible, and in which order.
 * - queue-days: most queue days at the deadline, then earlier queue start, then earlier application, then the tie-break key.
 * - application-time (first-come): earlier application, then the tie-break key.
 * - lottery: SHA-256(seed + applicantId) ascending, then the tie-break key.
 */
export function rank(input: { listingId: string; method: RankingMethod; deadline: IsoDate; seed?: string; candidates: readonly Candidate[] }): {
  ranking: RankedApplicant[];
  excluded: ExcludedApplicant[];
} {
  const excluded: ExcludedApplicant[] = [];
  const eligible: Sortable[] = [];
  for (const candidate of input.candidates) {
    const reasons = [...candidate.failures];
    const inQueue = candidate.standing?.status === 'active' && candidate.standing.queueStartDate !== null;
    if (!inQueue) reasons.push('not-in-queue');
    if (reasons.length > 0) {
      excluded.push({ applicationId: candidate.applicationId, applicantId: candidate.applicantId, reasons });
      continue;
    }
    const queueStartDate = candidate.standing!.queueStartDate!;
    eligible.push({
      candidate,
      queueDays: Math.max(0, daysBetween(queueStartDate, input.deadline)),
      queueStartDate,
      lottery: input.method === 'lottery' ? lotteryKey(input.seed ?? '', candidate.applicantId) : '',
      tie: tieBreakKey(input.listingId, candidate.applicationId),
    });
  }
  const byMethod: Record<RankingMethod, (a: Sortable, b: Sortable) => number> = {
    'queue-days': (a, b) =>
      b.queueDays! - a.queueDays! || compareText(a.queueStartDate!, b.queueStartDate!) || compareText(a.candidate.submittedAt, b.candidate.submittedAt) || compareText(a.tie, b.tie),
    'application-time': (a, b) => compareText(a.candidate.submittedAt, b.candidate.submittedAt) || compareText(a.tie, b.tie),
    lottery: (a, b) => compareText(a.lottery, b.lottery) || compareText(a.tie, b.tie),
  };
  eligible.sort(byMethod[input.method]);
  const ranking = eligible.map((e, i) => ({
    place: i + 1,
    applicationId: e.candidate.applicationId,
    applicantId: e.candidate.applicantId,
    queueDays: input.method === 'queue-days' ? e.queueDays : null,
    queueStartDate: input.method === 'queue-days' ? e.queueStartDate : null,
    appliedAt: e.candidate.submittedAt,
  }));
  excluded.sort((a, b) => compareText(a.applicationId, b.applicationId));
  return { ranking, excluded };
}
