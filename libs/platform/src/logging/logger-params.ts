import type { Params } from 'nestjs-pino';
import type { PlatformConfig } from '../config/platform-config.js';
import { currentCorrelationId } from './correlation-id.js';

/** Every app's pino settings, the website's too: JSON lines with the app's name (npm start makes them readable, infra/console). */
export function loggerParams(name: string, config: Pick<PlatformConfig, 'LOG_LEVEL'>): Params {
  return {
    // No request-logging middleware: Nest's middleware engine ran for every
    // request, fast routes included, at about 6 % of an apply's CPU. RequestLog,
    // a Fastify hook, writes the line each request ends with.
    forRoutes: [],
    pinoHttp: {
      name,
      level: config.LOG_LEVEL,
      // Every line written while a request (or a job under withCorrelationId) is handled carries its correlation id.
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      // A request is its method and path: headers (and redacting their secrets) cost more than they tell.
      serializers: { req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }) },
      redact: ['res.headers["set-cookie"]'],
    },
  };
}
