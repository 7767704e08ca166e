import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { evolve, initialState, type LandlordState } from './landlord.decider.js';
import { LANDLORD_STREAM_PREFIX, type LandlordEvent } from './landlord.events.js';

const ORGANISATIONS_TABLE = 'landlords.organisations';

/**
 * The staff's list of landlords: each organisation's state folded with the
 * decider's own `evolve`, guarded by stream revision so a redelivery changes nothing.
 */
export const organisationsProjection: Projection<RecordedEvent> = {
  name: 'organisations',
  table: ORGANISATIONS_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      landlord_id uuid PRIMARY KEY,
      name text NOT NULL,
      organisation_number text NOT NULL,
      state jsonb NOT NULL,
      revision bigint NOT NULL
    )`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    const byLandlord = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      if (!event.streamId.startsWith(LANDLORD_STREAM_PREFIX)) continue;
      const id = event.streamId.slice(LANDLORD_STREAM_PREFIX.length);
      byLandlord.set(id, [...(byLandlord.get(id) ?? []), event]);
    }
    if (byLandlord.size === 0) return;
    const { rows } = await tx.query<{ landlord_id: string; state: LandlordState; revision: string }>(`SELECT landlord_id, state, revision FROM ${table} WHERE landlord_id = ANY($1::uuid[])`, [
      [...byLandlord.keys()],
    ]);
    const stored = new Map(rows.map((r) => [r.landlord_id, { state: r.state, revision: BigInt(r.revision) }]));
    for (const [id, landlordEvents] of byLandlord) {
      const before = stored.get(id) ?? { state: initialState, revision: -1n };
      const fresh = landlordEvents.filter((e) => e.revision > before.revision);
      if (fresh.length === 0) continue;
      const state = fresh.reduce((s, e) => evolve(s, e as unknown as LandlordEvent), before.state);
      if (state.status === 'none') continue;
      await tx.query(
        `INSERT INTO ${table} (landlord_id, name, organisation_number, state, revision) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (landlord_id) DO UPDATE SET name = excluded.name, state = excluded.state, revision = excluded.revision`,
        [id, state.name, state.organisationNumber, JSON.stringify(state), fresh[fresh.length - 1].revision.toString()],
      );
    }
  },
};
