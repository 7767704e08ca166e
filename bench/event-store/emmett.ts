import { dumbo } from '@event-driven-io/dumbo';
import type { Event } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { NewEvent } from '@bostadsko/event-store';
import { sizedPool } from '../support/bench-db.js';
import type { EventLog } from './event-log.js';

/** How emmett's read-all is done, printed with the figures. */
export const EMMETT_READ_ALL =
  "emmett read-all: readMessagesBatch({after, batchSize}), the public reader its consumer's puller loops over (the consumer itself also sleeps pullingFrequencyInMs between batches)";

/** Our event id goes in as emmett's messageId, so both stores hold the same ids. */
function toEmmett(event: NewEvent): Event<string, Record<string, unknown>, Record<string, unknown>> {
  return {
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { messageId: event.id, ...event.metadata },
  };
}

/**
 * Opening emmett's store makes dumbo replace pg's global parsers (int8 to
 * BigInt, jsonb through its own deserializer). Emmett reads with those, as it
 * does in production; the other systems' pools keep pg's defaults.
 */
export async function openEmmett(url: string, connections: number): Promise<EventLog> {
  const pool = sizedPool(url, connections, pg.types);
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  const { execute } = dumbo({ connectionString: url, pool });
  return {
    append: async (streamId, events, existing) => {
      // emmett counts stream versions from 1, so a stream's version is its event count; 0 means a new stream.
      await store.appendToStream(streamId, events.map(toEmmett), { expectedStreamVersion: BigInt(existing) });
    },
    readAll: async (pageSize) => {
      let after = 0n;
      let read = 0;
      for (;;) {
        const batch = await readMessagesBatch(execute, { after, batchSize: pageSize });
        read += batch.messages.length;
        if (!batch.areMessagesLeft) return read;
        after = batch.currentGlobalPosition;
      }
    },
    checkpoint: async () => {
      await pool.query('CHECKPOINT');
    },
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}
