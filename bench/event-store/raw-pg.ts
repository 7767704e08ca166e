import type { NewEvent } from '@bostadsko/event-store';
import { sizedPool } from '../support/bench-db.js';
import type { EventLog } from './event-log.js';

const COLUMNS = 7;

/** The floor: the same rows in a table with nothing but a primary key to page by. */
const SCHEMA = `CREATE TABLE IF NOT EXISTS raw_events (
  position bigserial PRIMARY KEY,
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  event_id uuid NOT NULL,
  type text NOT NULL,
  schema_version int NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL
)`;

function insertSql(rows: number): string {
  const tuples = Array.from({ length: rows }, (_, row) => {
    const first = row * COLUMNS + 1;
    return `($${first}, $${first + 1}, $${first + 2}, $${first + 3}, $${first + 4}, $${first + 5}, $${first + 6})`;
  });
  return `INSERT INTO raw_events (stream_id, revision, event_id, type, schema_version, data, metadata) VALUES ${tuples.join(', ')}`;
}

export async function openRawPg(url: string, connections: number): Promise<EventLog> {
  const pool = sizedPool(url, connections);
  await pool.query(SCHEMA);
  const statements = new Map<number, string>();
  const statement = (rows: number) => statements.get(rows) ?? statements.set(rows, insertSql(rows)).get(rows)!;
  return {
    append: async (streamId, events, existing) => {
      const params = events.flatMap((e: NewEvent, i) => [streamId, existing + i, e.id, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata)]);
      await pool.query(statement(events.length), params);
    },
    readAll: async (pageSize) => {
      let after = '0';
      let read = 0;
      for (;;) {
        const { rows } = await pool.query<{ position: string }>(
          `SELECT position, stream_id, revision, event_id, type, schema_version, data, metadata
           FROM raw_events WHERE position > $1 ORDER BY position LIMIT $2`,
          [after, pageSize],
        );
        read += rows.length;
        if (rows.length < pageSize) return read;
        after = rows[rows.length - 1].position;
      }
    },
    checkpoint: async () => {
      await pool.query('CHECKPOINT');
    },
    close: () => pool.end(),
  };
}
