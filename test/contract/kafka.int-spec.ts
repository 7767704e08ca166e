import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CONSUMER_MIGRATIONS } from '../../libs/bus/src/index.js';
import { KafkaBus } from '../../libs/bus/src/kafka/kafka.bus.js';
import { migrate } from '../../libs/postgres/src/migrations.js';
import { freshDatabase } from '../support/fresh-database.js';
import { kafkaBrokers, noteKafkaSuiteRan, reportKafkaSkipped } from '../support/kafka.js';
import { busContract } from './bus.contract.js';

if (kafkaBrokers.length > 0) {
  beforeAll(() => noteKafkaSuiteRan('bus contract'));
  // Each test gets its own client id and read model; the contract picks fresh topic names per test.
  busContract('Kafka', async () => {
    const readModel = new pg.Pool({ connectionString: await freshDatabase('kafkarm') });
    await migrate(readModel, CONSUMER_MIGRATIONS);
    const bus = new KafkaBus({ brokers: [...kafkaBrokers], clientId: `contract-${randomUUID()}`, readModel });
    return {
      bus,
      readModel,
      dispose: async () => {
        await bus.close();
        await readModel.end();
      },
    };
  });
} else {
  reportKafkaSkipped('The bus contract suite');
  describe.skip('IntegrationBus contract: Kafka (no broker)', () => {
    test('runs against a real broker', () => undefined);
  });
}
