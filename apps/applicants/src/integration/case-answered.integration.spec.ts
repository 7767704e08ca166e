import type { RecordedEvent } from '@bostadsko/event-store';
import { CustomerCaseAnsweredV1 } from '@bostadsko/contracts';
import type { Sealed } from '@bostadsko/personal-data';
import { caseAnsweredIntegration } from './case-answered.integration.js';

const applicantId = '0b6d1f44-33a1-4c8e-9a55-1d3f7e2c9a01';
const caseId = 'a6f0e5c2-58d4-4a0b-8f11-7e2b3c4d5e6f';
const stream = `applicant-${applicantId}`;
let revision = 0n;
const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: `e-${revision}`,
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: 'c-1', actor: 'staff-1', occurredAt: '2026-11-24T10:00:00.000Z' },
  streamId: stream,
  revision: revision++,
  position: { commit: revision, prepare: revision },
  recordedAt: new Date('2026-11-24T10:00:01Z'),
});
const seal = (data: string) => ({ subject: applicantId, iv: 'iv', tag: 'tag', data }) as unknown as Sealed;
const vault = { open: async <T>(sealed: Sealed) => ((sealed as unknown as { data: string }).data === 'erased' ? undefined : ((sealed as unknown as { data: string }).data as T)) };
const store = {
  readStream: async () => [
    recorded('case-registered', { caseId: 'f0000000-0000-4000-8000-000000000000', channel: 'web', subject: 'Another', description: seal('d'), registeredBy: applicantId }),
    recorded('case-registered', { caseId, channel: 'phone', subject: 'Fel startdatum', description: seal('d'), registeredBy: 'staff-1' }),
  ],
};
const map = caseAnsweredIntegration(vault, store);

describe('applicants → messages: a customer case answered', () => {
  test('the seeker is told the case’s subject and the answer, opened from its seal', async () => {
    const [message] = await map(recorded('case-answered', { caseId, answer: seal('Vi har rättat datumet.'), answeredBy: 'staff-1' }));
    expect(message).toMatchObject({ type: CustomerCaseAnsweredV1.type, key: applicantId });
    expect(CustomerCaseAnsweredV1.parse(message.payload)).toEqual({ applicantId, caseId, subject: 'Fel startdatum', answer: 'Vi har rättat datumet.', answeredAt: '2026-11-24T10:00:00.000Z' });
  });

  test('nothing once the seeker is erased, and nothing for other events', async () => {
    expect(await map(recorded('case-answered', { caseId, answer: seal('erased'), answeredBy: 'staff-1' }))).toEqual([]);
    expect(await map(recorded('case-registered', { caseId, channel: 'web', subject: 's', description: seal('d'), registeredBy: applicantId }))).toEqual([]);
  });
});
