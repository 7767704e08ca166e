import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsString, MaxLength } from 'class-validator';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import pg from 'pg';
import request from 'supertest';
import { eventually } from '../../../../test/support/eventually.js';
import { freshDatabase } from '../../../../test/support/fresh-database.js';
import { createTestApp, loadConfig, PlatformModule, platformVariables, Public } from '../index.js';

class Order {
  @IsString()
  @MaxLength(50)
  ref: string;
}

/** Which instance ran each command, and a gate per instance that holds its commands mid-request. */
const runs: string[] = [];
const gates = new Map<string, Promise<void>>();

function instance(name: string, databaseUrl: string) {
  @Controller('probe')
  class OrdersController {
    @Public()
    @Post('orders')
    async place(@Body() order: Order) {
      runs.push(name);
      await gates.get(name);
      return { ref: order.ref, ranBy: name };
    }
  }
  const config = loadConfig(platformVariables, { DATABASE_URL: databaseUrl, JWT_SECRET: 'test-secret-that-is-at-least-32-characters', LOG_LEVEL: 'silent' });
  @Module({ imports: [PlatformModule.forRoot({ name, config })], controllers: [OrdersController] })
  class InstanceModule {}
  return createTestApp(InstanceModule);
}

/** Two instances of one app on one database, as behind a load balancer: a retry may reach either. */
describe('Idempotency-Key claims whose owner died', () => {
  let databaseUrl: string;
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let admin: pg.Client;

  beforeAll(async () => {
    databaseUrl = await freshDatabase('idempotency');
    a = await instance('idem-a', databaseUrl);
    b = await instance('idem-b', databaseUrl);
    admin = new pg.Client(databaseUrl);
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await a?.close();
    await b?.close();
  });

  beforeEach(() => {
    runs.length = 0;
    gates.clear();
  });

  const order = (app: NestFastifyApplication, key: string, ref: string) => request(app.getHttpServer()).post('/probe/orders').set('idempotency-key', key).send({ ref });

  /** Holds the instance's commands until the returned function is called. */
  function hold(name: string): () => void {
    let release!: () => void;
    gates.set(name, new Promise((resolve) => (release = resolve)));
    return release;
  }

  test('while the owner runs, a duplicate is 409 in progress; then the outcome is replayed', async () => {
    const release = hold('idem-a');
    const first = order(a, 'live-1', 'r1').then((r) => r);
    await eventually(
      async () => runs.length,
      (n) => n === 1,
    );
    const duplicate = await order(b, 'live-1', 'r1').expect(409);
    expect(duplicate.body.detail).toBe('A request with this Idempotency-Key is still being processed');
    release();
    expect((await first).body).toEqual({ ref: 'r1', ranBy: 'idem-a' });
    const again = await order(b, 'live-1', 'r1').expect(201);
    expect(again.body).toEqual({ ref: 'r1', ranBy: 'idem-a' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(runs).toEqual(['idem-a']);
  });

  test('when the owner loses its connection mid-request, a retry takes the key over at once and its outcome is the one kept', async () => {
    const release = hold('idem-a');
    const cut = order(a, 'dead-1', 'r2').then((r) => r);
    await eventually(
      async () => runs.length,
      (n) => n === 1,
    );
    // What PostgreSQL sees of a process killed with -9: its connection ends, and the session's locks with it.
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'idem-a idempotency owner'");
    // The first retry is answered with the outcome, not 409: the dead owner's claim is taken over at once.
    const retry = await order(b, 'dead-1', 'r2').expect(201);
    expect(retry.body).toEqual({ ref: 'r2', ranBy: 'idem-b' });
    // The old owner finishing late does not overwrite the outcome the retry was given.
    release();
    await cut;
    expect((await order(a, 'dead-1', 'r2').expect(201)).body).toEqual({ ref: 'r2', ranBy: 'idem-b' });
    expect(runs).toEqual(['idem-a', 'idem-b']);
    // The instance that lost its owner connection makes claims again under a new one.
    expect((await order(a, 'dead-2', 'r3').expect(201)).body).toEqual({ ref: 'r3', ranBy: 'idem-a' });
  });

  test('a claim left by a process killed with SIGKILL is taken over within seconds, not answered 409 for ever', async () => {
    const owner = randomBytes(8).readBigInt64BE().toString();
    // A separate process holding an owner lock, as a running app does, then killed without any chance to clean up.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const c = new (require('pg').Client)(process.argv[1]); c.connect().then(() => c.query('SELECT pg_advisory_lock($1::bigint)', [process.argv[2]])).then(() => { console.log('locked'); setInterval(() => {}, 1000); });`,
        databaseUrl,
        owner,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(child.stdout, 'data');
    const hash = createHash('sha256')
      .update(JSON.stringify({ ref: 'r4' }))
      .digest('hex');
    await admin.query('INSERT INTO platform.idempotency_keys (scope, key, request_hash, owner) VALUES ($1, $2, $3, $4)', ['anonymous POST /probe/orders', 'killed-1', hash, owner]);
    await order(b, 'killed-1', 'r4').expect(409);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const outcome = await eventually(
      () => order(b, 'killed-1', 'r4'),
      (r) => r.status !== 409,
      5000,
    );
    expect(outcome.status).toBe(201);
    expect(outcome.body).toEqual({ ref: 'r4', ranBy: 'idem-b' });
  });
});
