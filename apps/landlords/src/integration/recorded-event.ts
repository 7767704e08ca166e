import type { RecordedEvent } from '@bostadsko/event-store';

let revision = 0n;

/** An event as the relay reads it from the log, for the mappers' specs: each one later in the log than the last. */
export const recorded = (streamId: string, type: string, data: unknown): RecordedEvent => ({
  id: `e-${revision}`,
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: 'c-1', actor: 'staff-1' },
  streamId,
  revision: revision++,
  position: { commit: revision, prepare: revision },
  recordedAt: new Date('2026-11-24T10:00:00Z'),
});
