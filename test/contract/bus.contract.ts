import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { IntegrationBus, IntegrationMessage, MessageHandler } from '@bostadsko/bus';

export interface BusFixture {
  readonly bus: IntegrationBus;
  /** The consumer's read-model database; absent for the in-memory bus. */
  readonly readModel?: pg.Pool;
  dispose(): Promise<void>;
}

const message = (type: string, key: string, payload: unknown = {}): IntegrationMessage => ({
  id: randomUUID(),
  type,
  key,
  payload,
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: new Date().toISOString(),
});

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function busContract(name: string, create: () => Promise<BusFixture>): void {
  describe(`IntegrationBus contract: ${name}`, () => {
    let fixture: BusFixture;
    let bus: IntegrationBus;
    let topic: string;
    let other: string;
    beforeEach(async () => {
      fixture = await create();
      bus = fixture.bus;
      topic = `contract.t${randomUUID().slice(0, 8)}.v1`;
      other = `contract.o${randomUUID().slice(0, 8)}.v1`;
    });
    afterEach(() => fixture.dispose());

    const collect = async (group: string, topics: string[]) => {
      const seen: IntegrationMessage[] = [];
      const consumer = await bus.consume({ group, topics, maxAttempts: 2 }, async (m) => {
        seen.push(m);
      });
      return { seen, consumer };
    };

    test('a group receives the messages of its topics, per key in publish order, history first then live', async () => {
      const history = [message(topic, 'a', { n: 1 }), message(other, 'a'), message(topic, 'b', { n: 2 })];
      await bus.publish(history);
      const { seen, consumer } = await collect('g1', [topic]);
      await bus.publish([message(topic, 'a', { n: 3 })]);
      await eventually(() => seen.length >= 3, '3 messages');
      await consumer.stop();
      // Order is promised per key (a Kafka partition), not across keys.
      expect(seen.filter((m) => m.key === 'a').map((m) => m.payload)).toEqual([{ n: 1 }, { n: 3 }]);
      expect(seen.filter((m) => m.key === 'b').map((m) => m.payload)).toEqual([{ n: 2 }]);
      expect(seen.find((m) => m.id === history[0].id)).toEqual(history[0]);
    });

    test('every group sees every message; a republished message id is delivered once', async () => {
      const m = message(topic, 'k');
      await bus.publish([m]);
      await bus.publish([m]);
      const one = await collect('g-one', [topic]);
      const two = await collect('g-two', [topic]);
      await bus.publish([message(topic, 'k')]);
      await eventually(() => one.seen.length >= 2 && two.seen.length >= 2, 'both groups');
      await new Promise((r) => setTimeout(r, 300));
      await Promise.all([one.consumer.stop(), two.consumer.stop()]);
      expect(one.seen).toHaveLength(2);
      expect(two.seen).toHaveLength(2);
    });

    test('a restarted group continues after what it handled', async () => {
      await bus.publish([message(topic, 'k', { n: 1 })]);
      const first = await collect('g-restart', [topic]);
      await eventually(() => first.seen.length === 1, 'first');
      await first.consumer.stop();
      await bus.publish([message(topic, 'k', { n: 2 })]);
      const second = await collect('g-restart', [topic]);
      await eventually(() => second.seen.length === 1, 'second');
      await new Promise((r) => setTimeout(r, 300));
      await second.consumer.stop();
      expect(second.seen.map((m) => m.payload)).toEqual([{ n: 2 }]);
    });

    test('two members of a group share its messages; when one stops mid-stream the other takes over, and each message is applied once', async () => {
      const applied: string[] = [];
      const handler: MessageHandler = async (m) => {
        await new Promise((r) => setTimeout(r, 2));
        applied.push(m.id);
      };
      const first = await bus.consume({ group: 'g-members', topics: [topic] }, handler);
      const second = await bus.consume({ group: 'g-members', topics: [topic] }, handler);
      const sent = Array.from({ length: 200 }, (_, i) => message(topic, `k${i % 20}`, { n: i }));
      await bus.publish(sent.slice(0, 100));
      await eventually(() => applied.length >= 20, 'some messages');
      // An app restarting: its member leaves while messages are still arriving.
      await first.stop();
      await bus.publish(sent.slice(100));
      await eventually(() => applied.length >= sent.length, 'every message');
      await new Promise((r) => setTimeout(r, 300));
      await second.stop();
      expect([...applied].sort()).toEqual(sent.map((m) => m.id).sort());
    });

    test('a message that keeps failing goes to a dead letter with the error, and the group moves on', async () => {
      const poison = message(topic, 'k', { poison: true });
      await bus.publish([poison, message(topic, 'k', { fine: true })]);
      const handled: unknown[] = [];
      const consumer = await bus.consume({ group: 'g-dlq', topics: [topic], maxAttempts: 3 }, async (m) => {
        if ((m.payload as { poison?: boolean }).poison) throw new Error('cannot handle this');
        handled.push(m.payload);
      });
      await eventually(() => handled.length === 1, 'the next message');
      await consumer.stop();
      const dead = await bus.deadLetters('g-dlq');
      expect(dead).toHaveLength(1);
      expect(dead[0].message.id).toBe(poison.id);
      expect(dead[0].error).toContain('cannot handle this');
      expect(dead[0].attempts).toBe(3);
    });

    test('a message breaking its contract is dead-lettered at once, never handed to the handler, and the group moves on', async () => {
      // A real contract's topic, which other suites share: a group of its own, and only this test's messages looked at.
      const type = 'applicants.applicant-registered.v1';
      const group = `g-contract-${randomUUID().slice(0, 8)}`;
      const poison = message(type, 'k', { registeredOn: '2025-01-01', queueStartDate: '2025-01-01' });
      const good = message(type, 'k', { applicantId: randomUUID(), registeredOn: '2025-01-01', queueStartDate: '2025-01-01' });
      await bus.publish([poison, good]);
      const handled: string[] = [];
      const consumer = await bus.consume({ group, topics: [type] }, async (m) => void handled.push(m.id));
      await eventually(() => handled.includes(good.id), 'the next message');
      await consumer.stop();
      expect(handled).not.toContain(poison.id);
      const dead = (await bus.deadLetters(group)).filter((d) => d.message.id === poison.id);
      expect(dead.map((d) => [d.error, d.attempts])).toEqual([[`ContractViolation: ${type}: invalid or missing applicantId`, 1]]);
    });

    test('a handler that fails once is retried and handled once, without a dead letter', async () => {
      await bus.publish([message(topic, 'k')]);
      let calls = 0;
      const consumer = await bus.consume({ group: 'g-retry', topics: [topic], maxAttempts: 3 }, async () => {
        calls++;
        if (calls === 1) throw new Error('transient');
      });
      await eventually(() => calls === 2, 'the retry');
      await new Promise((r) => setTimeout(r, 300));
      await consumer.stop();
      expect(calls).toBe(2);
      expect(await bus.deadLetters('g-retry')).toEqual([]);
    });

    test('read-model rows and the checkpoint commit together: a failed attempt leaves no row', async () => {
      const db = fixture.readModel;
      if (!db) {
        console.warn(`${name}: no read-model database, transactional delivery case not applicable`);
        return;
      }
      await db.query('CREATE TABLE IF NOT EXISTS contract_rows (message_id text, attempt int)');
      const m = message(topic, 'k');
      await bus.publish([m]);
      let attempt = 0;
      const handler: MessageHandler = async (msg, tx) => {
        attempt++;
        await tx.query('INSERT INTO contract_rows VALUES ($1, $2)', [msg.id, attempt]);
        if (attempt === 1) throw new Error('after writing');
      };
      const consumer = await bus.consume({ group: 'g-tx', topics: [topic], maxAttempts: 3 }, handler);
      await eventually(() => attempt === 2, 'the second attempt');
      await new Promise((r) => setTimeout(r, 300));
      await consumer.stop();
      const { rows } = await db.query('SELECT attempt FROM contract_rows WHERE message_id = $1', [m.id]);
      expect(rows).toEqual([{ attempt: 2 }]);
    });
  });
}
