import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { PlatformConfig } from '../config/platform-config.js';
import type { FastRouteKey } from '../http/fast-routes.js';
import { HEALTH_PATH } from '../health/health.controller.js';

export function loggerParams(name: string, config: PlatformConfig, fastRoutes: readonly FastRouteKey[]): Params {
  return {
    exclude: fastRoutes.map(({ method, url }) => ({ path: url.replace(/^\//, ''), method: RequestMethod[method] })),
    // On Fastify, nestjs-pino's default route pattern `{/*splat}` matches nothing
    // under NestJS 12, which would silently drop request logs and their context.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      name,
      level: config.LOG_LEVEL,
      // req.id is Fastify's request id, i.e. the correlation id. Logs made while
      // handling a request carry only that; the completion line has the request too.
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'correlationId' },
      // Orchestrators poll /health every few seconds; those lines would drown the rest.
      autoLogging: { ignore: (req) => pathOf(req) === `/${HEALTH_PATH}` },
      // pino-http binds the serialized request to a child logger on every request, logged or not: the headers
      // (and redacting their secrets) cost more than they tell, so a request is its method and path.
      serializers: { req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }) },
      redact: ['res.headers["set-cookie"]'],
    },
  };
}

// Nest's Fastify middleware strips the matched path from req.url and keeps the original aside.
function pathOf(req: { url?: string; originalUrl?: string }): string | undefined {
  return (req.originalUrl ?? req.url)?.split('?')[0];
}
