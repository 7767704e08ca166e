import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { CONSUMER_MIGRATIONS, type IntegrationMessage } from '@bostadsko/bus';
import { KafkaBus } from '@bostadsko/bus/kafka';
import { migrate } from '@bostadsko/postgres';
import { freshDatabase } from '../support/fresh-database.js';
import { kafkaBrokers, noteKafkaSuiteRan, reportKafkaSkipped } from '../support/kafka.js';
import { eventually } from '../support/eventually.js';
import { busContract } from './bus.contract.js';

async function kafkaBus(brokers: readonly string[]) {
  const readModel = new pg.Pool({ connectionString: await freshDatabase('kafkarm') });
  await migrate(readModel, CONSUMER_MIGRATIONS);
  const bus = new KafkaBus({ brokers: [...brokers], clientId: `contract-${randomUUID()}`, readModel });
  return {
    bus,
    readModel,
    forgetOffsets: (group: string, topics: readonly string[]) => rewind(brokers, group, topics),
    dispose: async () => {
      await bus.close();
      await readModel.end();
    },
  };
}

/** The group's committed offsets back to the earliest; the broker allows it once the stopped member has left. */
async function rewind(brokers: readonly string[], group: string, topics: readonly string[]): Promise<void> {
  const admin = new Kafka({ clientId: `contract-rewind-${randomUUID()}`, brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const reset = await eventually(
        () =>
          admin.resetOffsets({ groupId: group, topic, earliest: true }).then(
            () => true,
            () => false,
          ),
        (done) => done,
      );
      if (!reset) throw new Error(`${group} kept members: its offsets could not be reset`);
    }
  } finally {
    await admin.disconnect();
  }
}

if (kafkaBrokers.length > 0) {
  beforeAll(() => noteKafkaSuiteRan('bus contract'));
  // Each test gets its own client id and read model; the contract picks fresh topic names per test.
  busContract('Kafka', () => kafkaBus(kafkaBrokers));

  describe('Kafka bus on a real broker', () => {
    test('a record that is no integration message (a poison pill) goes to a dead letter and its partition moves on', async () => {
      const { bus, dispose } = await kafkaBus(kafkaBrokers);
      const topic = `contract.p${randomUUID().slice(0, 8)}.v1`;
      const raw = new Kafka({ clientId: 'poison', brokers: [...kafkaBrokers], logLevel: logLevel.NOTHING }).producer();
      try {
        // The bus creates the topic; a foreign producer then writes bytes that are not our JSON, on the same key as a good message.
        await bus.publish([{ id: randomUUID(), type: topic, key: 'k', payload: { n: 1 }, correlationId: 'c', causationId: null, occurredAt: new Date().toISOString() }]);
        await raw.connect();
        await raw.send({ topic, messages: [{ key: 'k', value: 'not json' }] });
        await bus.publish([{ id: randomUUID(), type: topic, key: 'k', payload: { n: 2 }, correlationId: 'c', causationId: null, occurredAt: new Date().toISOString() }]);
        const handled: unknown[] = [];
        const consumer = await bus.consume({ group: 'g-poison', topics: [topic] }, async (m) => void handled.push(m.payload));
        await eventually(
          async () => handled.length,
          (n) => n === 2,
        );
        await consumer.stop();
        expect(handled).toEqual([{ n: 1 }, { n: 2 }]);
        const [dead] = await bus.deadLetters('g-poison');
        expect(dead.message.payload).toBe('not json');
        expect(dead.error).toContain('Not an integration message');
      } finally {
        await raw.disconnect();
        await dispose();
      }
    });

    test('offsets are committed after the read model, and a quiet topic has its tail committed though far fewer messages came than a commit waits for', async () => {
      const { bus, dispose } = await kafkaBus(kafkaBrokers);
      const topic = `contract.c${randomUUID().slice(0, 8)}.v1`;
      const admin = new Kafka({ clientId: `contract-commits-${randomUUID()}`, brokers: [...kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
      const message = (key: string, n: number): IntegrationMessage => ({
        id: randomUUID(),
        type: topic,
        key,
        payload: { n },
        correlationId: 'c',
        causationId: null,
        occurredAt: new Date().toISOString(),
      });
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      try {
        await admin.connect();
        // The held message first, alone, so its partition is the one whose end offset is 1 and it is offset 0 there.
        const held = message('held', 0);
        await bus.publish([held]);
        const heldPartition = (await admin.fetchTopicOffsets(topic)).find((p) => p.high === '1')!.partition;
        const others = Array.from({ length: 60 }, (_, i) => message(`k${i % 12}`, i + 1));
        await bus.publish(others);
        const applied: string[] = [];
        const consumer = await bus.consume({ group: 'g-commits', topics: [topic] }, async (m) => {
          if (m.id === held.id) await released;
          applied.push(m.id);
        });
        const committed = async () => new Map((await admin.fetchOffsets({ groupId: 'g-commits', topics: [topic] }))[0].partitions.map((p) => [p.partition, BigInt(p.offset)]));
        const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
        const caughtUp = (offsets: Map<number, bigint>, partitions: number[]) => partitions.every((p) => offsets.get(p) === ends.get(p));
        const otherPartitions = [...ends.keys()].filter((p) => p !== heldPartition && ends.get(p)! > 0n);
        // The other partitions are committed up to their end by the commit timer (far fewer than 5,000 messages came)...
        const whileHeld = await eventually(committed, (offsets) => caughtUp(offsets, otherPartitions));
        expect(caughtUp(whileHeld, otherPartitions)).toBe(true);
        // ...while the held partition's offset has not passed the message whose read-model transaction is still open.
        expect(whileHeld.get(heldPartition) ?? -1n).toBeLessThanOrEqual(0n);
        expect(applied).not.toContain(held.id);
        release();
        const atEnd = await eventually(committed, (offsets) => caughtUp(offsets, [...ends.keys()]));
        await consumer.stop();
        expect(caughtUp(atEnd, [...ends.keys()])).toBe(true);
        expect(applied.sort()).toEqual([held, ...others].map((m) => m.id).sort());
      } finally {
        release();
        await admin.disconnect();
        await dispose();
      }
    });

    test('ping fails when no broker answers, so /health reports the bus down', async () => {
      // Port 1: nothing listens there, and nobody may start a broker on it without root.
      const { bus, dispose } = await kafkaBus(['127.0.0.1:1']);
      try {
        await expect(bus.ping()).rejects.toThrow();
      } finally {
        await dispose();
      }
    });
  });
} else {
  reportKafkaSkipped('The bus contract suite');
  describe.skip('IntegrationBus contract: Kafka (no broker)', () => {
    test('runs against a real broker', () => undefined);
  });
}
