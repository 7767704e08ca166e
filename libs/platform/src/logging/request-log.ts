import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { HEALTH_PATH } from '../health/health.controller.js';

/**
 * The line every request ends with: method and path, status and response
 * headers, time taken and correlation id; an error line for a 5xx. Not for
 * /health, which orchestrators poll every few seconds.
 */
@Injectable()
export class RequestLog implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectPinoLogger('http') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.getInstance<FastifyInstance>().addHook('onResponse', (request, reply, done) => {
      this.completed(request, reply);
      done();
    });
  }

  private completed(request: FastifyRequest, reply: FastifyReply): void {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    // Checked first: a disabled level still costs building the line.
    if (!this.logger.logger.isLevelEnabled(level) || request.url.split('?')[0] === `/${HEALTH_PATH}`) return;
    this.logger.logger[level](
      // The raw response: pino-http's serializer reads the status and headers from a sent response.
      { correlationId: request.id, req: { method: request.method, url: request.url }, res: reply.raw, responseTime: Math.round(reply.elapsedTime) },
      'request completed',
    );
  }
}
