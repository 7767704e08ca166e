import '../test/jest-esm-interop.js';
import { Controller, Get, Module } from '@nestjs/common';
import request from 'supertest';
import { freshDatabase } from '../../../test/support/fresh-database.js';
import { createTestApp, loadConfig, PlatformModule, platformVariables, Public, currentCorrelationId } from './index.js';
import { PinoLogger } from 'nestjs-pino';

@Controller('x')
class X {
  constructor(private readonly log: PinoLogger) {}
  @Public() @Get('boom') boom(): never { throw new Error('real cause'); }
  @Public() @Get('log') l() { this.log.info('hello from handler'); return { id: currentCorrelationId() }; }
}
test('scratch', async () => {
  const url = await freshDatabase('scratch');
  const config = loadConfig(platformVariables, { DATABASE_URL: url, JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'info' });
  @Module({ imports: [PlatformModule.forRoot({ name: 'scratch', config })], controllers: [X] })
  class M {}
  const app = await createTestApp(M, { globalPrefix: 'api' });
  const http = request(app.getHttpServer());
  for (const r of [
    http.post('/api/auth/token').set('content-type', 'application/json').send('{"a":'),
    http.post('/api/auth/token').set('content-type', 'text/csv').send('a,b'),
    http.get('/api/x/boom').set('x-correlation-id', 'corr-1'),
    http.get('/api/x/log').set('x-correlation-id', 'corr-2'),
    http.get('/health'),
    http.get('/docs'),
    http.get('/api/health'),
  ]) {
    const res = await r;
    console.log(res.status, res.headers['content-type'], res.headers['x-correlation-id'], JSON.stringify(res.body).slice(0, 300), res.headers.location);
  }
  await app.close();
});
