import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { WebConfig } from '../web.config.js';
import { WebModule } from '../web.module.js';
import { registerHttpPlugins } from './http-plugins.js';
import { renderError, WebExceptionFilter } from './web-exception.filter.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The web app as main.ts runs it and tests drive it: plugins, CSRF on every form post, error pages. */
export async function createWebApp(config: WebConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ genReqId: () => randomUUID(), bodyLimit: 64 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(WebModule.forRoot(config), adapter, {
    logger: config.LOG_LEVEL === 'silent' ? false : undefined,
    abortOnError: false,
  });
  await registerHttpPlugins(app, config);
  const fastify = app.getHttpAdapter().getInstance();
  const logger = new Logger('web');
  // After the body is parsed, so the token can come from the form; before any controller runs.
  fastify.addHook('preHandler', (request, reply, done) => {
    if (UNSAFE_METHODS.has(request.method)) fastify.csrfProtection(request, reply, done);
    else done();
  });
  fastify.setErrorHandler((error, request, reply) => renderError(error, request, reply, logger));
  app.useGlobalFilters(new WebExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
