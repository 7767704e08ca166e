import type { Tx } from '@bostadsko/bus';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { SAVED_SEARCHES_PREFIX, type SavedSearchEvent } from './saved-search.events.js';

export const SAVED_SEARCHES_TABLE = 'messages.saved_searches';

/**
 * Every kept saved search as columns, so one query per published listing finds
 * the searches it matches (listing-matcher.ts). Places are kept lower-cased, as
 * the search page compares them; an absent filter is NULL and matches anything.
 */
export const savedSearchesProjection: Projection<RecordedEvent> = {
  name: 'saved-searches',
  table: SAVED_SEARCHES_TABLE,

  async createTable(tx: Tx, table: string) {
    await tx.query(`CREATE TABLE ${table} (
      search_id uuid PRIMARY KEY,
      applicant_id uuid NOT NULL,
      municipality text,
      district text,
      rooms_min numeric,
      rooms_max numeric,
      rent_min numeric,
      rent_max numeric,
      area_min numeric,
      area_max numeric,
      move_in_from date,
      move_in_to date,
      list_types text[] NOT NULL,
      alerts text NOT NULL,
      saved_at timestamptz NOT NULL
    )`);
    // A listing is matched from its municipality: the searches naming it, then those naming none (usually few).
    await tx.query(`CREATE INDEX ON ${table} (municipality, district)`);
    await tx.query(`CREATE INDEX ON ${table} (applicant_id)`);
  },

  async apply(tx: Tx, table: string, events: readonly RecordedEvent[]) {
    for (const event of events) {
      if (!event.streamId.startsWith(SAVED_SEARCHES_PREFIX)) continue;
      const applicantId = event.streamId.slice(SAVED_SEARCHES_PREFIX.length);
      const domain = event as unknown as SavedSearchEvent;
      switch (domain.type) {
        case 'search-saved': {
          const { searchId, filters: f, alerts, savedAt } = domain.data;
          await tx.query(
            `INSERT INTO ${table} (search_id, applicant_id, municipality, district, rooms_min, rooms_max, rent_min, rent_max, area_min, area_max, move_in_from, move_in_to, list_types, alerts, saved_at)
             VALUES ($1, $2, lower($3), lower($4), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (search_id) DO NOTHING`,
            [searchId, applicantId, f.municipality, f.district, f.roomsMin, f.roomsMax, f.rentMin, f.rentMax, f.areaMin, f.areaMax, f.moveInFrom, f.moveInTo, f.listTypes, alerts, savedAt],
          );
          break;
        }
        case 'search-alerts-changed':
          await tx.query(`UPDATE ${table} SET alerts = $2 WHERE search_id = $1`, [domain.data.searchId, domain.data.alerts]);
          break;
        case 'search-deleted':
          await tx.query(`DELETE FROM ${table} WHERE search_id = $1`, [domain.data.searchId]);
          break;
        case 'searches-erased':
          await tx.query(`DELETE FROM ${table} WHERE applicant_id = $1`, [applicantId]);
          break;
      }
    }
  },
};
