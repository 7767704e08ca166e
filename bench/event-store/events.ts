import { createHash, randomUUID } from 'node:crypto';
import type { NewEvent } from '@bostadsko/event-store';

const AREAS = ['Luthagen', 'Sala backe', 'Gottsunda', 'Eriksberg', 'Kvarngärdet', 'Svartbäcken', 'Gränby'];
const TYPES = ['ApplicantRegistered', 'ApplicantContactChanged', 'ApplicantPreferencesChanged', 'ApplicationSubmitted'];

function isoDate(dayOffset: number): string {
  return new Date(Date.UTC(2015, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Shaped like the queue's own events (ids, dates, a hashed personal number,
 * contact details, preferences): about 370 bytes of data and 160 of metadata,
 * so JSON encoding and jsonb parsing weigh what they weigh in production.
 */
function applicantEvent(seed: number, revision: number): NewEvent {
  const applicantId = randomUUID();
  return {
    id: randomUUID(),
    type: TYPES[revision % TYPES.length],
    schemaVersion: 1,
    data: {
      applicantId,
      personalNumberHash: createHash('sha256')
        .update(`19${seed % 100}-${seed}`)
        .digest('hex'),
      registeredOn: isoDate(seed % 3650),
      birthDate: isoDate(-(7000 + (seed % 15000))),
      municipality: 'Uppsala',
      contact: { email: `applicant${seed}@example.se`, phone: `+4670${String(seed).padStart(7, '0')}` },
      preferences: { areas: [AREAS[seed % AREAS.length], AREAS[(seed + 3) % AREAS.length]], minRooms: 1 + (seed % 4), maxRent: 6000 + (seed % 60) * 100 },
    },
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: `user:${applicantId}` },
  };
}

export function applicantEvents(count: number, firstSeed: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => applicantEvent(firstSeed + i, i));
}
