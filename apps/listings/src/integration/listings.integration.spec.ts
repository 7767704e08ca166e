import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@bostadsko/event-store';
import { ApplicationSubmittedV1, AvhoppRecordedV1, AvhoppRecordedV2 } from '@bostadsko/contracts';
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

  test('an avhopp that kept the end of its block is published as v2 as well, before v1; v1 is unchanged', () => {
    const listingId = randomUUID();
    const applicationId = randomUUID();
    for (const blockedUntil of ['2027-05-20', null]) {
      const messages = listingIntegrationMessages(seekerEvent('avhopp-recorded', { listingId, applicationId, on: '2026-11-20', kind: 'backed-out-after-yes', blockedUntil }));
      expect(messages.map((m) => m.type)).toEqual([AvhoppRecordedV2.type, AvhoppRecordedV1.type]);
      expect(AvhoppRecordedV2.parse(messages[0].payload)).toEqual({ applicantId, listingId, applicationId, on: '2026-11-20', kind: 'backed-out-after-yes', blockedUntil });
      expect(AvhoppRecordedV1.parse(messages[1].payload)).toEqual({ applicantId, listingId, applicationId, on: '2026-11-20', kind: 'backed-out-after-yes' });
    }
  });

  test('an application is published as before; a withdrawal publishes nothing', () => {
    const submitted = listingIntegrationMessages(seekerEvent('application-submitted', { applicationId: randomUUID(), listingId: randomUUID(), submittedAt: '2026-11-20T10:00:00Z' }));
    expect(submitted.map((m) => m.type)).toEqual([ApplicationSubmittedV1.type]);
    expect(listingIntegrationMessages(seekerEvent('application-withdrawn', { applicationId: randomUUID(), listingId: randomUUID(), at: 'x', reason: 'by-seeker' }))).toEqual([]);
  });
});
