import pg from 'pg';
import { BUS_LOG_MIGRATIONS, BUS_OFFSET_MIGRATIONS, CONSUMER_MIGRATIONS, InMemoryBus, PostgresBus } from '../../libs/bus/src/index.js';
import { migrate } from '../../libs/postgres/src/migrations.js';
import { freshDatabase } from '../support/fresh-database.js';
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
