import { START, type GlobalPosition, EVENT_STORE_MIGRATIONS, PostgresEventStore } from '@bostadsko/event-store';
import { migrate } from '@bostadsko/postgres';
import { sizedPool } from '../support/bench-db.js';
import type { EventLog } from './event-log.js';

export async function openOurs(url: string, connections: number): Promise<EventLog> {
  const pool = sizedPool(url, connections);
  await migrate(pool, EVENT_STORE_MIGRATIONS);
  const store = new PostgresEventStore(pool);
  return {
    append: async (streamId, events, existing) => {
      await store.append(streamId, events, existing === 0 ? 'no_stream' : BigInt(existing - 1));
    },
    readAll: async (pageSize) => {
      let after: GlobalPosition = START;
      let read = 0;
      for (;;) {
        const page = await store.readAll({ after, limit: pageSize });
        read += page.length;
        if (page.length < pageSize) return read;
        after = page[page.length - 1].position;
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
