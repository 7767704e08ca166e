import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform-options.js';
import { formatToken, LOG_POSITION_HEADER, parseTokens, READ_AFTER_HEADER, READ_STALE_HEADER } from './log-token.js';
import { LogWrites, withLogWrites } from './log-writes.js';
import { ReadModelProgress } from './read-model-progress.js';

/**
 * Read your own writes, for every route (Nest's and FastRoutes alike), as Fastify
 * hooks: a response to a request that appended events names the log position in
 * X-Log-Position; a request carrying X-Read-After waits, bounded, until this
 * app's read models have passed the positions it names, so the page after a
 * post/redirect/get shows the write. A wait that times out answers anyway,
 * possibly stale, says so in X-Read-Stale and logs it.
 */
@Injectable()
export class ReadAfterHooks implements OnModuleInit {
  private readonly writes = new WeakMap<FastifyRequest, LogWrites>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly progress: ReadModelProgress,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @InjectPinoLogger('read-after') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, _reply, done) => {
      const writes = new LogWrites();
      this.writes.set(request, writes);
      withLogWrites(writes, done);
    });
    fastify.addHook('preHandler', async (request, reply) => {
      const tokens = this.progress.related(parseTokens(request.headers[READ_AFTER_HEADER]));
      if (tokens.length === 0) return;
      const stale = await this.progress.waitFor(tokens, this.config.READ_AFTER_TIMEOUT_MS);
      if (stale.length === 0) return;
      const named = stale.map(formatToken).join(', ');
      reply.header(READ_STALE_HEADER, named);
      this.logger.warn({ correlationId: request.id, stale: named, waitedMs: this.config.READ_AFTER_TIMEOUT_MS }, 'read models did not reach X-Read-After in time; answering possibly stale');
    });
    fastify.addHook('onSend', (request, reply, payload, done) => {
      const position = this.writes.get(request)?.last;
      if (position) reply.header(LOG_POSITION_HEADER, formatToken({ app: this.options.name, position }));
      done(null, payload);
    });
  }
}
