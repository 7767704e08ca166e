import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';

const STREAM_PREFIX = 'applicant-';

type Change =
  | { readonly kind: 'registered'; readonly caseId: string; readonly applicantId: string; readonly channel: string; readonly subject: string; readonly at: Date; readonly revision: bigint }
  | { readonly kind: 'answered'; readonly caseId: string; readonly at: Date; readonly revision: bigint };

function changeOf(event: RecordedEvent): Change | undefined {
  if (!event.streamId.startsWith(STREAM_PREFIX)) return undefined;
  const data = event.data as { caseId: string; channel: string; subject: string };
  if (event.type === 'case-registered') {
    return {
      kind: 'registered',
      caseId: data.caseId,
      applicantId: event.streamId.slice(STREAM_PREFIX.length),
      channel: data.channel,
      subject: data.subject,
      at: event.recordedAt,
      revision: event.revision,
    };
  }
  if (event.type === 'case-answered') return { kind: 'answered', caseId: data.caseId, at: event.recordedAt, revision: event.revision };
  return undefined;
}

/**
 * Every seeker's customer cases in one table, for the staff's inbox: which are open, since when.
 * Only what the events hold in the clear (channel, subject); the description and answer stay sealed
 * in the seeker's stream and are read on the seeker's page.
 */
export const customerCasesProjection: Projection<RecordedEvent> = {
  name: 'customer-cases',
  table: 'applicants.customer_cases',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      case_id uuid PRIMARY KEY,
      applicant_id uuid NOT NULL,
      channel text NOT NULL,
      subject text NOT NULL,
      status text NOT NULL,
      registered_at timestamptz NOT NULL,
      answered_at timestamptz,
      revision bigint NOT NULL
    )`);
    await tx.query(`CREATE INDEX ON ${table} (status, registered_at)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const change of events.map(changeOf)) {
      if (!change) continue;
      // Guarded by the seeker's stream revision: an event folded before (redelivery, rebuild overlap) changes nothing.
      if (change.kind === 'registered') {
        await tx.query(
          `INSERT INTO ${table} (case_id, applicant_id, channel, subject, status, registered_at, revision) VALUES ($1, $2, $3, $4, 'open', $5, $6)
           ON CONFLICT (case_id) DO NOTHING`,
          [change.caseId, change.applicantId, change.channel, change.subject, change.at, change.revision.toString()],
        );
      } else {
        await tx.query(`UPDATE ${table} SET status = 'answered', answered_at = $2, revision = $3 WHERE case_id = $1 AND revision < $3`, [change.caseId, change.at, change.revision.toString()]);
      }
    }
  },
};
