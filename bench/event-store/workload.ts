import type { NewEvent } from '@bostadsko/event-store';
import { inParallel } from '../support/timing.js';
import type { EventLog } from './event-log.js';
import { applicantEvents } from './events.js';

export interface Commit {
  readonly streamId: string;
  readonly events: NewEvent[];
  readonly existing: number;
}

/** Single-event commits fill a stream up to this; larger batches get a stream each. */
const EVENTS_PER_STREAM = 10;

/**
 * Each writer's commits, made up front so the timed part is the store alone.
 * Every writer has streams of its own: no contention on a stream, as when
 * many applicants act at once.
 */
export function plannedCommits(prefix: string, writers: number, batch: number, events: number): Commit[][] {
  const commitsPerWriter = Math.ceil(events / batch / writers);
  const commitsPerStream = Math.max(1, Math.floor(EVENTS_PER_STREAM / batch));
  return Array.from({ length: writers }, (_, writer) =>
    Array.from({ length: commitsPerWriter }, (_, commit) => ({
      streamId: `applicant-${prefix}-w${writer}-s${Math.floor(commit / commitsPerStream)}`,
      events: applicantEvents(batch, (writer * commitsPerWriter + commit) * batch),
      existing: (commit % commitsPerStream) * batch,
    })),
  );
}

export async function appendAll(log: EventLog, commits: readonly Commit[][]): Promise<void> {
  await inParallel(commits.length, async (writer) => {
    for (const commit of commits[writer]) await log.append(commit.streamId, commit.events, commit.existing);
  });
}

export function eventCount(commits: readonly Commit[][]): number {
  return commits.reduce((sum, writer) => sum + writer.reduce((n, commit) => n + commit.events.length, 0), 0);
}
