import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { CONSUMER_MIGRATIONS, type IntegrationMessage } from '@bostadsko/bus';
import { KafkaBus } from '@bostadsko/bus/kafka';
import { migrate } from '@bostadsko/postgres';
import { startLocalBroker, type LocalBroker } from '../../infra/kafka/local-broker.js';
import { eventually } from '../support/eventually.js';
import { freshDatabase } from '../support/fresh-database.js';
import { kafkaBrokers, noteKafkaSuiteRan } from '../support/kafka.js';

const message = (type: string, n: number): IntegrationMessage => ({
  id: randomUUID(),
  type,
  key: `k${n % 5}`,
  payload: { n },
  correlationId: 'c',
  causationId: null,
  occurredAt: new Date().toISOString(),
});

// Needs a broker of its own to restart; runs wherever the run could start the shared one.
(kafkaBrokers.length > 0 ? describe : describe.skip)('Kafka bus across a broker restart', () => {
  const dataDir = `./data/test-kafka-restart-${process.pid}`;
  let broker: LocalBroker;
  const start = (port: number) => startLocalBroker({ dataDir, preferredPort: port, log: () => undefined });

  beforeAll(async () => {
    noteKafkaSuiteRan('broker restart');
    rmSync(dataDir, { recursive: true, force: true });
    broker = await start(0);
  });
  afterAll(async () => {
    await broker.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the same bus publishes and consumes again once the broker is back: nothing lost, nothing applied twice', async () => {
    const readModel = new pg.Pool({ connectionString: await freshDatabase('kafkarestart') });
    await migrate(readModel, CONSUMER_MIGRATIONS);
    const bus = new KafkaBus({ brokers: [broker.address], clientId: `restart-${randomUUID()}`, readModel });
    const topic = `contract.r${randomUUID().slice(0, 8)}.v1`;
    const applied: unknown[] = [];
    try {
      const consumer = await bus.consume({ group: 'g-restart-broker', topics: [topic] }, async (m) => void applied.push(m.payload));
      const before = Array.from({ length: 20 }, (_, n) => message(topic, n));
      await bus.publish(before);
      await eventually(
        async () => applied.length,
        (n) => n === 20,
      );
      await broker.stop();
      const port = Number(broker.address.split(':')[1]);
      broker = await start(port);
      expect(broker.address).toBe(`127.0.0.1:${port}`);
      const after = Array.from({ length: 20 }, (_, n) => message(topic, 20 + n));
      // The relay retries a batch until it is acknowledged; so does this, and a retried batch may land twice.
      await eventually(
        () =>
          bus.publish(after).then(
            () => true,
            () => false,
          ),
        (published) => published,
      );
      await eventually(
        async () => applied.length,
        (n) => n >= 40,
      );
      await consumer.stop();
      expect(applied.map((p) => (p as { n: number }).n).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    } finally {
      await bus.close();
      await readModel.end();
    }
  });
});
