import pg from 'pg';
import { BUS_LOG_MIGRATIONS, BUS_OFFSET_MIGRATIONS, CONSUMER_MIGRATIONS, InMemoryBus, PostgresBus } from '@bostadsko/bus';
import { migrate } from '@bostadsko/postgres';
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
    forgetOffsets: async (group) => void (await readModel.query('DELETE FROM bus.consumer_offsets WHERE consumer_group = $1', [group])),
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

describe('PostgreSQL log: relay progress for X-Read-After', () => {
  test('a consumer reports how far it has applied each source app, past events that meant no message, through pages of markers, and again after a restart', async () => {
    const log = new pg.Pool({ connectionString: await freshDatabase('buslog') });
    const readModel = new pg.Pool({ connectionString: await freshDatabase('busrm') });
    await migrate(log, BUS_LOG_MIGRATIONS);
    await migrate(readModel, [...CONSUMER_MIGRATIONS, ...BUS_OFFSET_MIGRATIONS]);
    const at = (commit: number, prepare: number) => ({ commit: BigInt(commit), prepare: BigInt(prepare) });
    const reports: string[] = [];
    const progress = { track: (source: string, consumer: string) => (p: { commit: bigint; prepare: bigint }) => void reports.push(`${consumer}<-${source}:${p.commit}-${p.prepare}`) };
    // A payload that keeps the contract: poison would be dead-lettered before the handler.
    const payload = { applicantId: '00000000-0000-4000-8000-000000000001', registeredOn: '2025-01-01', queueStartDate: '2025-01-01' };
    const message = (id: string) => ({ id, type: 'applicants.applicant-registered.v1', key: id, payload, correlationId: id, causationId: null, occurredAt: new Date().toISOString() });
    let bus = new PostgresBus({ log, readModel, pollIntervalMs: 20, progress });
    try {
      const applied: string[] = [];
      await bus.consume({ group: 'listings.seekers', topics: ['applicants.applicant-registered.v1'] }, async (m) => void applied.push(m.id));
      await bus.publish([message('m1')], { app: 'applicants', position: at(10, 1) });
      await eventually(
        async () => reports.at(-1),
        (last) => last === 'listings.seekers<-applicants:10-1',
      );
      expect(applied).toEqual(['m1']);
      // A batch of events that meant nothing to other apps still moves the watermark; another app's progress does not.
      await bus.publish([], { app: 'landlords', position: at(11, 1) });
      await bus.publish([], { app: 'applicants', position: at(11, 5) });
      await eventually(
        async () => reports.at(-1),
        (last) => last === 'listings.seekers<-applicants:11-5',
      );
      // More markers than a page, then a message: the consumer moves through them.
      for (let i = 0; i < 250; i++) await bus.publish([], { app: 'applicants', position: at(12, i) });
      await bus.publish([message('m2')], { app: 'applicants', position: at(13, 1) });
      await eventually(
        async () => applied.length,
        (n) => n === 2,
      );
      expect(reports.some((r) => r.includes('landlords'))).toBe(false);
      await bus.close();

      reports.length = 0;
      bus = new PostgresBus({ log, readModel, pollIntervalMs: 20, progress });
      await bus.consume({ group: 'listings.seekers', topics: ['applicants.applicant-registered.v1'] }, async (m) => void applied.push(m.id));
      await eventually(
        async () => reports[0],
        (first) => first === 'listings.seekers<-applicants:13-1',
      );
      expect(applied).toEqual(['m1', 'm2']);
    } finally {
      await bus.close();
      await Promise.all([log.end(), readModel.end()]);
    }
  });
});
