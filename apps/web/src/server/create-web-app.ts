import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import type { WebConfig } from '../web.config.js';
import { WebModule } from '../web.module.js';
import { registerHttpPlugins } from './http-plugins.js';
import { WebExceptionFilter } from './web-exception.filter.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The web app as main.ts runs it and tests drive it: plugins, CSRF on every form post, error pages.
 * Nest routes Fastify's own errors (a refused CSRF token, a body too large) through its exception
 * filters too, so WebExceptionFilter renders every error page.
 */
export async function createWebApp(config: WebConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ genReqId: () => randomUUID(), bodyLimit: 64 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(WebModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  await registerHttpPlugins(app, config);
  const fastify = app.getHttpAdapter().getInstance();
  // After the body is parsed, so the token can come from the form; before any controller runs.
  fastify.addHook('preHandler', (request, reply, done) => {
    if (UNSAFE_METHODS.has(request.method)) fastify.csrfProtection(request, reply, done);
    else done();
  });
  app.useGlobalFilters(new WebExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
