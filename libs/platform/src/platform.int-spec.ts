import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsInt, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { VersionConflictError } from '@bostadsko/event-store';
import {
  type AuthenticatedUser,
  ConfigurationError,
  CurrentUser,
  currentCorrelationId,
  DomainRuleViolation,
  loadConfig,
  PlatformModule,
  platformVariables,
  Public,
  Roles,
  TokenService,
  bootstrapApp,
  createTestApp,
} from './index.js';

class Address {
  @IsString()
  @MinLength(5)
  postalCode: string;
}

class CreateThing {
  @IsString()
  @MinLength(1)
  name: string;

  @IsInt()
  @Min(1)
  rooms: number;

  @ValidateNested()
  @Type(() => Address)
  address: Address;
}

@Controller('probe')
class ProbeController {
  @Public()
  @Post('things')
  create(@Body() thing: CreateThing) {
    return { thing, isInstance: thing instanceof CreateThing, correlationId: currentCorrelationId() };
  }

  @Public()
  @Get('boom')
  boom(): never {
    throw new Error('connection string postgres://secret@db leaked');
  }

  @Public()
  @Get('rule')
  rule(): never {
    throw new DomainRuleViolation('The queue is closed', { type: 'https://bostadsko.se/problems/queue-closed', extensions: { queueId: 'q-1' } });
  }

  @Public()
  @Get('conflict')
  conflict(): never {
    throw new VersionConflictError('applicant-1', 3n, 4n);
  }

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @Roles('staff', 'admin')
  @Get('staff-only')
  staffOnly(@CurrentUser() user: AuthenticatedUser) {
    return { id: user.id };
  }
}

const SEED = 'staff:Anna Andersson <Anna@Agency.se>:Secret123!,analyst:olle@agency.se:Analys123!';
let busDown = false;

function testModule(databaseUrl: string, seedAccounts = SEED) {
  const config = loadConfig(platformVariables, {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-at-least-32-characters',
    LOG_LEVEL: 'silent',
    SEED_ACCOUNTS: seedAccounts,
  });
  @Module({
    imports: [
      PlatformModule.forRoot({
        name: 'platform-test',
        config,
        healthChecks: {
          useFactory: () => ({
            eventStore: async () => undefined,
            bus: async () => {
              if (busDown) throw new Error('broker unreachable');
            },
          }),
        },
      }),
    ],
    controllers: [ProbeController],
  })
  class TestModule {}
  return TestModule;
}

const PROBLEM = /^application\/problem\+json/;

describe('platform over HTTP', () => {
  let databaseUrl: string;
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    databaseUrl = await freshDatabase('platform');
    app = await createTestApp(testModule(databaseUrl));
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
  });

  async function tokenFor(username: string, password: string): Promise<string> {
    const response = await http.post('/auth/token').send({ username, password }).expect(200);
    return response.body.access_token;
  }

  describe('configuration', () => {
    it('refuses to start and names the wrong variables', async () => {
      const saved = { ...process.env };
      Object.assign(process.env, { PORT: 'abc', DATABASE_URL: databaseUrl, JWT_SECRET: 'too-short' });
      try {
        @Module({ imports: [PlatformModule.forRoot({ name: 'misconfigured' })] })
        class MisconfiguredModule {}
        const failure = await createTestApp(MisconfiguredModule).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(ConfigurationError);
        expect((failure as Error).message).toContain('PORT must be an integer between 1 and 65535 (got "abc")');
        expect((failure as Error).message).toContain('JWT_SECRET must be at least 32 characters long');
      } finally {
        process.env = saved;
      }
    });
  });

  describe('/health', () => {
    it('answers 200 when every check passes', async () => {
      const response = await http.get('/health').expect(200);
      expect(response.body).toEqual({ status: 'ok', checks: { database: 'up', eventStore: 'up', bus: 'up' } });
    });

    it('answers 503 naming the failing check and why', async () => {
      busDown = true;
      try {
        const response = await http.get('/health').expect(503);
        expect(response.body).toEqual({
          status: 'error',
          checks: { database: 'up', eventStore: 'up', bus: 'down' },
          errors: { bus: 'broker unreachable' },
        });
      } finally {
        busDown = false;
      }
    });
  });

  describe('OpenAPI', () => {
    it('serves the document with bearer auth, public routes exempt', async () => {
      const response = await http.get('/docs-json').expect(200);
      expect(response.body.info.title).toBe('platform-test');
      expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(response.body.security).toEqual([{ bearer: [] }]);
      expect(response.body.paths['/health'].get.security).toEqual([{}]);
      expect(response.body.paths['/probe/me'].get.security).toBeUndefined();
    });

    it('serves the UI', async () => {
      const response = await http.get('/docs').redirects(1).expect(200);
      expect(response.text).toContain('swagger-ui');
    });
  });

  describe('problem details', () => {
    const thing = { name: 'Flat', rooms: 2, address: { postalCode: '75320' } };

    it('validates and transforms a valid body', async () => {
      const response = await http.post('/probe/things').send(thing).expect(201);
      expect(response.body.thing).toEqual(thing);
      expect(response.body.isInstance).toBe(true);
    });

    it('rejects unknown and invalid fields with 400 listing each field', async () => {
      const response = await http
        .post('/probe/things')
        .send({ ...thing, rooms: 0, address: { postalCode: '1' }, owner: 'me' })
        .expect(400)
        .expect('content-type', PROBLEM);
      expect(response.body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, instance: '/probe/things' });
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'owner', messages: ['property owner should not exist'] },
          { field: 'rooms', messages: ['rooms must not be less than 1'] },
          { field: 'address.postalCode', messages: ['postalCode must be longer than or equal to 5 characters'] },
        ]),
      );
      expect(response.body.errors).toHaveLength(3);
    });

    it('answers malformed JSON with 400', async () => {
      const response = await http.post('/probe/things').set('content-type', 'application/json').send('{"name": "Flat",').expect(400).expect('content-type', PROBLEM);
      expect(response.body).toMatchObject({ status: 400, title: 'Bad Request', instance: '/probe/things' });
    });

    it('answers an unsupported content type with 415', async () => {
      const response = await http.post('/probe/things').set('content-type', 'text/csv').send('a,b').expect(415);
      expect(response.body).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
    });

    it('answers a body over the limit with 413', async () => {
      const response = await http
        .post('/probe/things')
        .send({ name: 'x'.repeat(1_100_000) })
        .expect(413);
      expect(response.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
    });

    it('answers an unknown route with 404', async () => {
      const response = await http.get('/nowhere?personnummer=19121212-1212').expect(404).expect('content-type', PROBLEM);
      expect(response.body).toMatchObject({ status: 404, instance: '/nowhere' });
    });

    it('hides the internals of an unexpected error behind a generic 500', async () => {
      const response = await http.get('/probe/boom').expect(500).expect('content-type', PROBLEM);
      expect(response.body).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred. Quote the correlationId when reporting it.',
        instance: '/probe/boom',
        correlationId: response.headers['x-correlation-id'],
      });
    });

    it('maps domain errors to their status with their type and extensions', async () => {
      const response = await http.get('/probe/rule').expect(422);
      expect(response.body).toMatchObject({
        type: 'https://bostadsko.se/problems/queue-closed',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'The queue is closed',
        queueId: 'q-1',
      });
    });

    it('maps an event-store version conflict to 409', async () => {
      const response = await http.get('/probe/conflict').expect(409);
      expect(response.body).toMatchObject({ status: 409, title: 'Conflict' });
      expect(response.body.detail).not.toContain('applicant-1');
    });
  });

  describe('correlation id', () => {
    it('echoes the caller’s id and exposes it to handlers', async () => {
      const response = await http
        .post('/probe/things')
        .set('x-correlation-id', 'req-42')
        .send({ name: 'Flat', rooms: 1, address: { postalCode: '75320' } })
        .expect(201);
      expect(response.headers['x-correlation-id']).toBe('req-42');
      expect(response.body.correlationId).toBe('req-42');
    });

    it('generates one when missing or unacceptable, and puts it in problems', async () => {
      const response = await http.get('/probe/me').set('x-correlation-id', 'bad id\twith spaces').expect(401);
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
    });
  });

  describe('authentication and roles', () => {
    it('answers 401 without a token, with a Bearer challenge', async () => {
      const response = await http.get('/probe/me').expect(401).expect('content-type', PROBLEM);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body).toMatchObject({ status: 401, detail: 'A bearer token is required' });
    });

    it('answers 401 for a forged or expired token', async () => {
      await http.get('/probe/me').set('authorization', 'Bearer not.a.token').expect(401);
      const forged = await new JwtService({ secret: 'another-secret-that-is-32-characters-long' }).signAsync({ sub: 'x', roles: ['admin'] });
      await http.get('/probe/me').set('authorization', `Bearer ${forged}`).expect(401);
      const expired = await app.get(JwtService).signAsync({ sub: 'x', roles: ['staff'] }, { expiresIn: -10 });
      const response = await http.get('/probe/me').set('authorization', `Bearer ${expired}`).expect(401);
      expect(response.body.detail).toBe('The bearer token is invalid or has expired');
    });

    it('signs a seeded account in and the guard accepts its token', async () => {
      const response = await http.post('/auth/token').send({ username: 'ANNA@agency.se', password: 'Secret123!' }).expect(200);
      expect(response.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
      const me = await http.get('/probe/me').set('authorization', `Bearer ${response.body.access_token}`).expect(200);
      expect(me.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), roles: ['staff'] });
    });

    it('answers 403 for the wrong role and 200 for the right one', async () => {
      const analyst = await tokenFor('olle@agency.se', 'Analys123!');
      const forbidden = await http.get('/probe/staff-only').set('authorization', `Bearer ${analyst}`).expect(403);
      expect(forbidden.body).toMatchObject({ status: 403, detail: 'Requires one of the roles: staff, admin' });
      const staff = await tokenFor('anna@agency.se', 'Secret123!');
      await http.get('/probe/staff-only').set('authorization', `Bearer ${staff}`).expect(200);
    });

    it('accepts tokens other apps issue through TokenService', async () => {
      const issued = await app.get(TokenService).issue({ id: 'applicant-7', roles: ['landlord'], landlordId: 'l-1' });
      const me = await http.get('/probe/me').set('authorization', `Bearer ${issued.access_token}`).expect(200);
      expect(me.body).toEqual({ id: 'applicant-7', roles: ['landlord'], landlordId: 'l-1' });
    });

    it('names back-office accounts by id for staff: the name the seed gave, else the username; other ids left out', async () => {
      const staff = await tokenFor('anna@agency.se', 'Secret123!');
      const annaId = (await http.get('/probe/me').set('authorization', `Bearer ${staff}`).expect(200)).body.id as string;
      const olleId = (
        await http
          .get('/probe/me')
          .set('authorization', `Bearer ${await tokenFor('olle@agency.se', 'Analys123!')}`)
          .expect(200)
      ).body.id as string;
      const unknown = '00000000-0000-4000-8000-000000000000';
      const named = await http.get(`/auth/staff?ids=${annaId},${olleId},${unknown}`).set('authorization', `Bearer ${staff}`).expect(200);
      expect(named.body).toEqual([
        { id: annaId, name: 'Anna Andersson', roles: ['staff'] },
        { id: olleId, name: 'olle@agency.se', roles: ['analyst'] },
      ]);
      expect((await http.get('/auth/staff?ids=not-an-id').set('authorization', `Bearer ${staff}`).expect(400)).body.errors).toEqual([{ field: 'ids', messages: expect.any(Array) }]);
      const seeker = await app.get(TokenService).issue({ id: 'applicant-7', roles: ['applicant'] });
      await http.get(`/auth/staff?ids=${annaId}`).set('authorization', `Bearer ${seeker.access_token}`).expect(403);
    });

    it('gives the same answer for a wrong password and an unknown user', async () => {
      const wrongPassword = await http.post('/auth/token').send({ username: 'anna@agency.se', password: 'nope-nope' }).expect(401);
      const unknownUser = await http.post('/auth/token').send({ username: 'nobody@agency.se', password: 'nope-nope' }).expect(401);
      expect(wrongPassword.body.detail).toBe('Invalid username or password');
      expect(unknownUser.body.detail).toBe(wrongPassword.body.detail);
    });
  });

  describe('account seeding', () => {
    async function accounts(): Promise<Array<{ username: string; password_hash: string; roles: string[] }>> {
      const client = new pg.Client(databaseUrl);
      await client.connect();
      try {
        const { rows } = await client.query('SELECT username, password_hash, roles FROM platform.accounts ORDER BY username');
        return rows;
      } finally {
        await client.end();
      }
    }

    it('stores argon2id hashes, never the password', async () => {
      const [anna] = await accounts();
      expect(anna).toMatchObject({ username: 'anna@agency.se', roles: ['staff'] });
      expect(anna!.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('keeps unchanged hashes on restart and re-hashes a changed password', async () => {
      const before = await accounts();
      const same = await createTestApp(testModule(databaseUrl));
      await same.close();
      expect(await accounts()).toEqual(before);

      const changed = await createTestApp(testModule(databaseUrl, 'staff+admin:anna@agency.se:NewSecret456!,analyst:olle@agency.se:Analys123!'));
      try {
        const after = await accounts();
        expect(after[0]).toMatchObject({ username: 'anna@agency.se', roles: ['staff', 'admin'] });
        expect(after[0]!.password_hash).not.toBe(before[0]!.password_hash);
        expect(after[1]).toEqual(before[1]);
        await request(changed.getHttpServer()).post('/auth/token').send({ username: 'anna@agency.se', password: 'NewSecret456!' }).expect(200);
      } finally {
        await changed.close();
      }
    });
  });

  describe('bootstrapApp', () => {
    it('listens on all interfaces under the global prefix, keeping /health and /docs where they are', async () => {
      const started = await bootstrapApp({ module: testModule(databaseUrl), port: 0, globalPrefix: 'api' });
      try {
        const { address, port } = started.getHttpServer().address() as AddressInfo;
        expect(address).toBe('0.0.0.0');
        const base = `http://127.0.0.1:${port}`;
        expect((await fetch(`${base}/health`)).status).toBe(200);
        expect((await fetch(`${base}/api/probe/me`)).status).toBe(401);
        expect((await fetch(`${base}/probe/me`)).status).toBe(404);
        const document = (await (await fetch(`${base}/docs-json`)).json()) as { paths: Record<string, unknown> };
        expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/api/auth/token', '/api/probe/me']));
      } finally {
        await started.close();
      }
    });
  });
});
