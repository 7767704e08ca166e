import type pg from 'pg';
import type { IntegrationMessage, Tx } from '@bostadsko/bus';
import { ApplicantRegisteredV1, QueueStandingChangedV1 } from '@bostadsko/contracts';
import type { Projection } from '@bostadsko/projections';
import type { StandingChange } from './queue-standing.js';

export const SEEKER_TOPICS = [ApplicantRegisteredV1.type, QueueStandingChangedV1.type] as const;

/**
 * What listings knows of each seeker from the applicants app: birth year (for age
 * ranges) and the whole timeline of queue standings, so queue days can be
 * computed on any date (a deadline in the past included). Each standing is kept
 * once by message id, so a redelivered message changes nothing.
 */
export const seekersProjection: Projection<IntegrationMessage> = {
  name: 'seekers',
  table: 'listings.seekers',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      applicant_id uuid PRIMARY KEY,
      birth_year int,
      registered_on date,
      timeline jsonb NOT NULL DEFAULT '[]',
      status text,
      queue_start_date date
    )`);
  },

  async apply(tx: Tx, table: string, messages: readonly IntegrationMessage[]) {
    for (const message of messages) {
      if (message.type === ApplicantRegisteredV1.type) {
        const registered = ApplicantRegisteredV1.parse(message.payload);
        await tx.query(
          `INSERT INTO ${table} (applicant_id, birth_year, registered_on) VALUES ($1, $2, $3)
           ON CONFLICT (applicant_id) DO UPDATE SET birth_year = excluded.birth_year, registered_on = excluded.registered_on`,
          [registered.applicantId, registered.birthYear ?? null, registered.registeredOn],
        );
      } else if (message.type === QueueStandingChangedV1.type) {
        const standing = QueueStandingChangedV1.parse(message.payload);
        const change: StandingChange = {
          messageId: message.id,
          status: standing.status,
          queueStartDate: standing.queueStartDate,
          effectiveFrom: standing.effectiveFrom,
          reason: standing.reason,
          occurredAt: message.occurredAt,
        };
        // The latest-effective standing is kept in columns for ordering provisional places; decisions use the timeline.
        await tx.query(
          `INSERT INTO ${table} AS s (applicant_id, timeline, status, queue_start_date) VALUES ($1, jsonb_build_array($2::jsonb), $3, $4)
           ON CONFLICT (applicant_id) DO UPDATE SET
             timeline = s.timeline || jsonb_build_array($2::jsonb),
             status = CASE WHEN $5::date >= coalesce((SELECT max((c->>'effectiveFrom')::date) FROM jsonb_array_elements(s.timeline) c), '-infinity') THEN $3 ELSE s.status END,
             queue_start_date = CASE WHEN $5::date >= coalesce((SELECT max((c->>'effectiveFrom')::date) FROM jsonb_array_elements(s.timeline) c), '-infinity') THEN $4::date ELSE s.queue_start_date END
           WHERE NOT s.timeline @> jsonb_build_array(jsonb_build_object('messageId', $6::text))`,
          [standing.applicantId, JSON.stringify(change), standing.status, standing.queueStartDate, standing.effectiveFrom, message.id],
        );
      }
    }
  },
};

export interface SeekerFacts {
  readonly applicantId: string;
  readonly birthYear: number | null;
  readonly timeline: readonly StandingChange[];
}

export async function seekerFacts(db: pg.Pool, applicantIds: readonly string[]): Promise<Map<string, SeekerFacts>> {
  const { rows } = await db.query<{ applicant_id: string; birth_year: number | null; timeline: StandingChange[] }>({
    // Named: every apply asks this, so each connection plans it once.
    name: 'listings.seeker-facts',
    text: 'SELECT applicant_id, birth_year, timeline FROM listings.seekers WHERE applicant_id = ANY($1::uuid[])',
    values: [applicantIds],
  });
  return new Map(rows.map((r) => [r.applicant_id, { applicantId: r.applicant_id, birthYear: r.birth_year, timeline: r.timeline }]));
}
