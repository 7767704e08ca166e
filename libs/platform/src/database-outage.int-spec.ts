import { Controller, Get, Inject, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type pg from 'pg';
import request from 'supertest';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { tcpProxy } from '../../../test/support/tcp-proxy.js';
import { inTransaction } from '@bostadsko/postgres';
import { createTestApp, loadConfig, PG_POOL, PlatformModule, platformVariables, Public } from './index.js';

@Public()
@Controller('probe')
class ProbeController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Get('read')
  async read() {
    return (await this.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0];
  }

  /** Holds a checked-out client while the connection is cut, as a transaction or the bus's delivery would. */
  @Get('held')
  async held() {
    return inTransaction(this.pool, async (client) => (await client.query('SELECT pg_sleep(3)')).rowCount);
  }
}

/**
 * PostgreSQL stopped, seen from an app: a TCP proxy between the two is cut and
 * restored. Every route answers 503 problem details with Retry-After, /health
 * names the database, a client held across the cut does not crash the process,
 * and the app recovers by itself.
 */
describe('a database outage', () => {
  let app: NestFastifyApplication;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;

  beforeAll(async () => {
    proxy = await tcpProxy(new URL(await freshDatabase('outage')));
    const config = loadConfig(platformVariables, { DATABASE_URL: proxy.url, JWT_SECRET: 'outage-secret-that-is-at-least-32-characters', LOG_LEVEL: 'silent' });
    @Module({ imports: [PlatformModule.forRoot({ name: 'outage-test', config })], controllers: [ProbeController] })
    class OutageModule {}
    app = await createTestApp(OutageModule);
  });

  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await app?.close();
    await proxy?.close();
  });

  const http = () => request(app.getHttpServer());

  test('is 503 problem details with Retry-After, /health names the database, and passes by itself', async () => {
    await http().get('/probe/read').expect(200);
    const held = http().get('/probe/held');
    const answered = held.then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await proxy.cut();

    const cutWhileHeld = await answered;
    const read = await http().get('/probe/read');
    for (const response of [cutWhileHeld, read]) {
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ status: 503, title: 'Service Unavailable', detail: expect.stringContaining('database') });
    }
    const health = await http().get('/health').expect(503);
    expect(health.body).toMatchObject({ status: 'error', checks: { database: 'down' }, errors: { database: expect.any(String) } });

    await proxy.restore();
    await http().get('/probe/read').expect(200);
    await http().get('/health').expect(200);
  });
});
