import pg from 'pg';
import { BUS_LOG_MIGRATIONS, BUS_OFFSET_MIGRATIONS, CONSUMER_MIGRATIONS, InMemoryBus, PostgresBus } from '../../libs/bus/src/index.js';
import { migrate } from '../../libs/postgres/src/migrations.js';
import { freshDatabase } from '../support/fresh-database.js';
import { eventually } from '../support/eventually.js';
import { busContract } from './bus.contract.js';

busContract('in-memory', async () => ({ bus: new InMemoryBus(), dispose: async () => undefined }));

busContract('PostgreSQL log', async () => {
  // The bus log and the consumer's read model in separate databases, as between apps.
  const log = new pg.Pool({ connectionString: await freshDatabase('buslog') });
  const readModel = new pg.Pool({ connectionString: await freshDatabase('busrm') });
  await migrate(log, BUS_LOG_MIGRATIONS);
  await migrate(readModel, [...CONSUMER_MIGRATIONS, ...BUS_OFFSET_MIGRATIONS]);
  const bus = new PostgresBus({ log, readModel, pollIntervalMs: 20 });
  return {
    bus,
    readModel,
    dispose: async () => {
      await bus.close();
      await Promise.all([log.end(), readModel.end()]);
    },
  };
});

describe('PostgreSQL log: a consumer of a quiet topic', () => {
  test('moves its offset past other topics’ messages, so it does not look through them again on every poll', async () => {
    const log = new pg.Pool({ connectionString: await freshDatabase('buslog') });
    const readModel = new pg.Pool({ connectionString: await freshDatabase('busrm') });
    await migrate(log, BUS_LOG_MIGRATIONS);
    await migrate(readModel, [...CONSUMER_MIGRATIONS, ...BUS_OFFSET_MIGRATIONS]);
    const bus = new PostgresBus({ log, readModel, pollIntervalMs: 20 });
    const message = (id: string, type: string) => ({ id, type, key: id, payload: {}, correlationId: id, causationId: null, occurredAt: new Date().toISOString() });
    try {
      const seen: string[] = [];
      await bus.consume({ group: 'quiet', topics: ['quiet.v1'] }, async (m) => void seen.push(m.id));
      await bus.publish([message('q1', 'quiet.v1'), ...Array.from({ length: 50 }, (_, i) => message(`b${i}`, 'busy.v1'))]);
      const lastBusy = await log.query<{ position: string }>(`SELECT position FROM bus.messages WHERE message_id = 'b49'`);
      const offset = await eventually(
        async () => (await readModel.query<{ position: string }>(`SELECT position FROM bus.consumer_offsets WHERE consumer_group = 'quiet'`)).rows[0]?.position,
        (position) => position === lastBusy.rows[0].position,
      );
      expect(offset).toBe(lastBusy.rows[0].position);
      await bus.publish([message('q2', 'quiet.v1')]);
      await eventually(
        async () => seen.length,
        (n) => n === 2,
      );
      expect(seen).toEqual(['q1', 'q2']);
    } finally {
      await bus.close();
      await Promise.all([log.end(), readModel.end()]);
    }
  });
});
