import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { PLATFORM_CONFIG, type PlatformConfig } from './config/platform-config.js';
import { HEALTH_PATH } from './health/health.controller.js';
import { correlationIdOf, propagateCorrelationId } from './logging/correlation-id.js';
import { guardInput, routerLimits } from './http/input/input-guards.js';
import { DOCS_PATH, setupOpenApi } from './openapi.js';
import { PLATFORM_OPTIONS, type PlatformOptions } from './platform.module.js';

export interface AppOptions {
  /** Prefix for the app's routes, e.g. `api`; /health and /docs stay where they are. */
  readonly globalPrefix?: string;
  /** Overrides PlatformModule's name in the OpenAPI title and the start-up log line. */
  readonly name?: string;
}

export interface BootstrapOptions extends AppOptions {
  /** The app's root module; it must import PlatformModule.forRoot(). */
  readonly module: Type<unknown> | DynamicModule;
  /** Defaults to the validated PORT variable. */
  readonly port?: number;
}

/** Starts an app the way every app starts: the whole of main.ts is `await bootstrapApp({ module: AppModule })`. */
export async function bootstrapApp(options: BootstrapOptions): Promise<NestFastifyApplication> {
  const app = await createApp(options.module, options);
  await app.listen(options.port ?? app.get<PlatformConfig>(PLATFORM_CONFIG).PORT, '0.0.0.0');
  // The bound port, which differs from the requested one when that is 0.
  const { port } = app.getHttpServer().address() as AddressInfo;
  app.get(Logger).log(`${nameOf(app, options)} listening on http://0.0.0.0:${port} (API docs at /${DOCS_PATH})`);
  return app;
}

/**
 * The app exactly as bootstrapApp wires it, initialised but not listening: for
 * supertest via `request(app.getHttpServer())`. Close it in afterAll.
 */
export async function createTestApp(module: Type<unknown> | DynamicModule, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const app = await createApp(module, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function createApp(module: Type<unknown> | DynamicModule, options: AppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ genReqId: correlationIdOf, ...routerLimits });
  propagateCorrelationId(adapter.getInstance());
  guardInput(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    // So a configuration error rejects with its message instead of aborting the process.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (options.globalPrefix) app.setGlobalPrefix(options.globalPrefix, { exclude: [HEALTH_PATH] });
  setupOpenApi(app, nameOf(app, options));
  return app;
}

function nameOf(app: NestFastifyApplication, options: AppOptions): string {
  return options.name ?? app.get<PlatformOptions>(PLATFORM_OPTIONS).name;
}
