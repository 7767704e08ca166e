import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import { openWithKey, type Sealed } from '@bostadsko/personal-data';
import type { Projection } from '@bostadsko/projections';
import type { PersonalDetails } from '../applicant/applicant.events.js';

const STREAM_PREFIX = 'applicant-';
const DETAILS = new Set(['applicant-registered', 'personal-details-changed']);
const ERASED = 'personal-data-erased';

interface Latest {
  readonly revision: bigint;
  readonly personal?: Sealed;
}

/** Per account in a batch, the last event that decides its entry: new details, or the erasure that removes it. */
function latestByAccount(events: readonly RecordedEvent[]): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  for (const event of events) {
    if (!event.streamId.startsWith(STREAM_PREFIX) || !(DETAILS.has(event.type) || event.type === ERASED)) continue;
    const personal = event.type === ERASED ? undefined : (event.data as { personal: Sealed }).personal;
    latest.set(event.streamId.slice(STREAM_PREFIX.length), { revision: event.revision, personal });
  }
  return latest;
}

/**
 * Name and e-mail of every account, so staff can find a seeker without opening every
 * account's sealed details. The values are personal data outside the sealed events, so
 * the row goes with the erasure, and a rebuild after it cannot bring it back: the
 * person's key is gone and their details no longer open.
 */
export const seekerDirectoryProjection: Projection<RecordedEvent> = {
  name: 'seeker-directory',
  table: 'applicants.seeker_directory',

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      applicant_id uuid PRIMARY KEY,
      name text NOT NULL,
      email text NOT NULL,
      revision bigint NOT NULL
    )`);
    await tx.query(`CREATE INDEX ON ${table} (lower(email))`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    const latest = latestByAccount(events);
    if (latest.size === 0) return;
    const ids = [...latest.keys()];
    const erased = ids.filter((id) => !latest.get(id)?.personal);
    // Guarded by revision: an erasure is final, and details already folded (redelivery, rebuild overlap) change nothing.
    if (erased.length > 0) await tx.query(`DELETE FROM ${table} WHERE applicant_id = ANY($1::uuid[])`, [erased]);
    const changed = ids.filter((id) => latest.get(id)?.personal);
    if (changed.length === 0) return;
    const { rows } = await tx.query<{ subject_id: string; key: Buffer | null }>('SELECT subject_id, key FROM personal_data.subject_keys WHERE subject_id = ANY($1::uuid[])', [changed]);
    const keys = new Map(rows.map((row) => [row.subject_id, row.key]));
    const entries = changed.flatMap((id) => {
      const { personal, revision } = latest.get(id)!;
      const key = keys.get(id);
      if (!personal || !key) return [];
      const details = openWithKey<PersonalDetails>(key, personal);
      return [{ id, name: details.name, email: details.email, revision: revision.toString() }];
    });
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO ${table} (applicant_id, name, email, revision)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[])
       ON CONFLICT (applicant_id) DO UPDATE SET name = excluded.name, email = excluded.email, revision = excluded.revision
         WHERE ${table}.revision < excluded.revision`,
      [entries.map((e) => e.id), entries.map((e) => e.name), entries.map((e) => e.email), entries.map((e) => e.revision)],
    );
  },
};
