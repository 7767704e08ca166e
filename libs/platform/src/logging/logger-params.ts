import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { PlatformConfig } from '../config/platform-config.js';
import { HEALTH_PATH } from '../health/health.controller.js';
import { correlationIdFor } from './correlation-id.js';

/**
 * Every route. On Fastify, nestjs-pino's default route pattern `{/*splat}` matches
 * nothing under NestJS 12, which silently drops request logs and their context.
 */
export const ALL_ROUTES = { path: '{*splat}', method: RequestMethod.ALL };

export function loggerParams(name: string, config: PlatformConfig): Params {
  return {
    forRoutes: [ALL_ROUTES],
    pinoHttp: {
      name,
      level: config.LOG_LEVEL,
      genReqId: correlationIdFor,
      customAttributeKeys: { reqId: 'correlationId' },
      // Orchestrators poll /health every few seconds; those lines would drown the rest.
      autoLogging: { ignore: (req) => req.url?.split('?')[0] === `/${HEALTH_PATH}` },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
  };
}
