import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { IntegrationBus, IntegrationMessage, MessageHandler, Tx } from '@bostadsko/bus';

export interface BusFixture {
  readonly bus: IntegrationBus;
  /** The consumer's read-model database; absent for the in-memory bus. */
  readonly readModel?: pg.Pool;
  /**
   * Makes a stopped group read from the start again, as after a crash between its
   * read-model commit and its offset commit (Kafka commits offsets after the read
   * model; the PostgreSQL bus in the same transaction, where this is a lost offset).
   */
  forgetOffsets?(group: string, topics: readonly string[]): Promise<void>;
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

    test('a group has applied all only once every message of its topics published before the question is applied; other topics do not count', async () => {
      expect(await bus.appliedAll('g-applied', [topic])).toBe(true);
      await bus.publish([message(topic, 'k', { n: 1 }), message(topic, 'k', { n: 2 })]);
      expect(await bus.appliedAll('g-applied', [topic])).toBe(false);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const applied: unknown[] = [];
      const consumer = await bus.consume({ group: 'g-applied', topics: [topic] }, async (m) => {
        if ((m.payload as { n: number }).n === 2) await held;
        applied.push(m.payload);
      });
      await eventually(() => applied.length === 1, 'the first message');
      expect(await bus.appliedAll('g-applied', [topic])).toBe(false);
      release();
      await eventually(() => bus.appliedAll('g-applied', [topic]), 'all applied');
      expect(applied).toEqual([{ n: 1 }, { n: 2 }]);
      await bus.publish([message(other, 'k')]);
      expect(await bus.appliedAll('g-applied', [topic])).toBe(true);
      await consumer.stop();
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

    test.each([
      ['a handler per message', false],
      ['a batch handler, which fails on the poison', true],
    ])('a poison message in the middle of a batch is dead-lettered alone; the others apply once each, in order per key (%s)', async (_how, batched) => {
      const db = fixture.readModel;
      if (!db) {
        console.warn(`${name}: no read-model database, batch case not applicable`);
        return;
      }
      await db.query('CREATE TABLE IF NOT EXISTS contract_batch_rows (seq bigserial, message_id text, key text, n int)');
      // Published before the group starts, so its first batch holds them all.
      const sent = Array.from({ length: 60 }, (_, i) => message(topic, `k${i % 3}`, { n: i, poison: i === 31 }));
      await bus.publish(sent);
      // The rows are written before the failure: the rollback must take them away again.
      const handler: MessageHandler = async (m, tx) => {
        const { n, poison } = m.payload as { n: number; poison: boolean };
        await tx.query('INSERT INTO contract_batch_rows (message_id, key, n) VALUES ($1, $2, $3)', [m.id, m.key, n]);
        if (poison) throw new Error('cannot handle this one');
      };
      const many = async (batch: readonly IntegrationMessage[], tx: Tx) => {
        for (const m of batch) await handler(m, tx);
      };
      const consumer = await bus.consume({ group: 'g-batch-poison', topics: [topic], maxAttempts: 2 }, handler, batched ? many : undefined);
      await eventually(async () => (await db.query('SELECT count(*)::int AS c FROM contract_batch_rows')).rows[0].c >= 59 && (await bus.deadLetters('g-batch-poison')).length === 1, 'the batch');
      await new Promise((r) => setTimeout(r, 300));
      await consumer.stop();
      const { rows } = await db.query<{ message_id: string; key: string; n: number }>('SELECT message_id, key, n FROM contract_batch_rows ORDER BY seq');
      const good = sent.filter((m) => !(m.payload as { poison: boolean }).poison);
      expect(rows.map((r) => r.message_id).sort()).toEqual(good.map((m) => m.id).sort());
      for (const key of ['k0', 'k1', 'k2']) {
        const ns = rows.filter((r) => r.key === key).map((r) => r.n);
        expect(ns).toEqual([...ns].sort((a, b) => a - b));
      }
      const dead = await bus.deadLetters('g-batch-poison');
      expect(dead.map((d) => [d.message.id, d.error, d.attempts])).toEqual([[sent[31].id, 'Error: cannot handle this one', 2]]);
    });

    test('a batch handler applies what is available in one call, and the per-message handler is left for failures', async () => {
      const db = fixture.readModel;
      if (!db) {
        console.warn(`${name}: no read-model database, batch handler case not applicable`);
        return;
      }
      await db.query('CREATE TABLE IF NOT EXISTS contract_many_rows (message_id text PRIMARY KEY)');
      const sent = Array.from({ length: 40 }, (_, i) => message(topic, `k${i % 2}`, { n: i }));
      await bus.publish(sent);
      let oneByOne = 0;
      const consumer = await bus.consume(
        { group: 'g-many', topics: [topic] },
        async () => void oneByOne++,
        async (batch, tx) => void (await tx.query('INSERT INTO contract_many_rows SELECT unnest($1::text[])', [batch.map((m) => m.id)])),
      );
      await eventually(async () => (await db.query('SELECT count(*)::int AS c FROM contract_many_rows')).rows[0].c === sent.length, 'every row');
      await consumer.stop();
      expect(oneByOne).toBe(0);
    });

    test('a group that re-reads what it applied (a crash between the read-model commit and the offset commit) applies nothing twice', async () => {
      if (!fixture.forgetOffsets) {
        console.warn(`${name}: offsets cannot be forgotten, redelivery case not applicable`);
        return;
      }
      const sent = Array.from({ length: 30 }, (_, i) => message(topic, `k${i % 4}`, { n: i }));
      await bus.publish(sent);
      const first = await collect('g-crash', [topic]);
      await eventually(() => first.seen.length >= sent.length, 'the first delivery');
      await first.consumer.stop();
      await fixture.forgetOffsets('g-crash', [topic]);
      const later = message(topic, 'k0', { n: 30 });
      await bus.publish([later]);
      const second = await collect('g-crash', [topic]);
      await eventually(() => second.seen.length >= 1, 'the new message');
      await new Promise((r) => setTimeout(r, 300));
      await second.consumer.stop();
      expect(first.seen.map((m) => m.id).sort()).toEqual(sent.map((m) => m.id).sort());
      expect(second.seen.map((m) => m.id)).toEqual([later.id]);
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
