import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@bostadsko/event-store';
import { ApplicationSubmittedV1, AvhoppRecordedV1 } from '@bostadsko/contracts';
import { SEEKER_STREAM_PREFIX } from '../applications/seeker.events.js';
import { listingIntegrationMessages } from './listings.integration.js';

const applicantId = randomUUID();
const seekerEvent = (type: string, data: unknown): RecordedEvent => ({
  id: randomUUID(),
  streamId: `${SEEKER_STREAM_PREFIX}${applicantId}`,
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: 'c', causationId: null, actor: 'test' },
  revision: 0n,
  position: { commit: 1n, prepare: 0n },
  recordedAt: new Date('2026-11-20T10:00:00Z'),
});

describe('a seeker’s events for other apps', () => {
  test('an avhopp is published for the messages app, valid by its contract and keyed by the seeker', () => {
    const listingId = randomUUID();
    const applicationId = randomUUID();
    const [message] = listingIntegrationMessages(seekerEvent('avhopp-recorded', { listingId, applicationId, on: '2026-11-20', kind: 'late-certificates' }));
    expect(message.type).toBe(AvhoppRecordedV1.type);
    expect(message.key).toBe(applicantId);
    expect(AvhoppRecordedV1.parse(message.payload)).toEqual({ applicantId, listingId, applicationId, on: '2026-11-20', kind: 'late-certificates' });
  });

  test('an application is published as before; a withdrawal publishes nothing', () => {
    const submitted = listingIntegrationMessages(seekerEvent('application-submitted', { applicationId: randomUUID(), listingId: randomUUID(), submittedAt: '2026-11-20T10:00:00Z' }));
    expect(submitted.map((m) => m.type)).toEqual([ApplicationSubmittedV1.type]);
    expect(listingIntegrationMessages(seekerEvent('application-withdrawn', { applicationId: randomUUID(), listingId: randomUUID(), at: 'x', reason: 'by-seeker' }))).toEqual([]);
  });
});
