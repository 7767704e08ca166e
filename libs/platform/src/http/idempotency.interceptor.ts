import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { userOf } from '../auth/authenticated-user.js';
import { PG_POOL } from '../database/pg-pool.js';
import { ClaimOwner } from './claim-owner.js';
import { Conflict, DomainRuleViolation, InvalidRequest } from '@bostadsko/errors';
import { withIdempotencyKey } from '@bostadsko/command-handling';

const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\w.:-]{1,200}$/;

interface StoredResponse {
  request_hash: string;
  status: number | null;
  body: unknown;
  owner: string | null;
}

/** What a retried request's reply needs: Fastify's reply has it. */
export interface ReplyControl {
  readonly statusCode: number;
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}

/**
 * `Idempotency-Key` on a command makes a retried request harmless: the first
 * response is stored and replayed; the same key with another body is refused.
 * Keys are per caller, so two users cannot collide. A failed request releases its
 * key, so the client may try again. A claim names its owner (`ClaimOwner`): while
 * the owner runs, a duplicate is 409 "in progress"; once it has died (kill -9
 * mid-request), the first retry takes the claim over and runs the command itself.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly owner: ClaimOwner,
  ) {}

  /** Handles the request once per key, or directly when it carries no key. */
  handleOnce(
    request: { method: string; url: string; headers: Record<string, unknown>; body?: unknown },
    userId: string | undefined,
    reply: ReplyControl,
    handle: () => Promise<unknown>,
  ): Promise<unknown> {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined || request.method === 'GET') return handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new InvalidRequest([{ field: 'Idempotency-Key', messages: ['must be 1 to 200 letters, digits, or . _ : -'] }]);
    }
    const scope = `${userId ?? 'anonymous'} ${request.method} ${request.url.split('?')[0]}`;
    const hash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    return this.run(scope, key, hash, reply, handle);
  }

  private async run(scope: string, key: string, hash: string, reply: ReplyControl, handle: () => Promise<unknown>): Promise<unknown> {
    const me = await this.owner.key();
    const claimed = await this.pool.query('INSERT INTO platform.idempotency_keys (scope, key, request_hash, owner) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [scope, key, hash, me]);
    if (claimed.rowCount === 0) {
      const { rows } = await this.pool.query<StoredResponse>('SELECT request_hash, status, body, owner::text FROM platform.idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
      const stored = rows[0];
      if (!stored) return this.run(scope, key, hash, reply, handle);
      if (stored.request_hash !== hash) throw new DomainRuleViolation('This Idempotency-Key was used for a different request');
      if (stored.status === null) {
        if (await this.owner.isAlive(this.pool, stored.owner)) throw new Conflict('A request with this Idempotency-Key is still being processed');
        // Only one retry may take a dead owner's claim: the first to move it to itself.
        const taken = await this.pool.query('UPDATE platform.idempotency_keys SET owner = $3 WHERE scope = $1 AND key = $2 AND status IS NULL AND owner IS NOT DISTINCT FROM $4', [
          scope,
          key,
          me,
          stored.owner,
        ]);
        if (taken.rowCount === 0) return this.run(scope, key, hash, reply, handle);
        return this.execute(scope, key, me, reply, handle);
      }
      reply.status(stored.status);
      reply.header('idempotent-replayed', 'true');
      return stored.body;
    }
    return this.execute(scope, key, me, reply, handle);
  }

  /** Runs the command under a claim `me` holds; the outcome or the release applies only while it still does. */
  private async execute(scope: string, key: string, me: string, reply: ReplyControl, handle: () => Promise<unknown>): Promise<unknown> {
    try {
      // The commands it runs write the key into their events: a retry after a crash between their append and the
      // outcome below finds them in the stream and answers as the first attempt did (libs/command-handling).
      const body = await withIdempotencyKey(streamMark(scope, key), handle);
      await this.pool.query('UPDATE platform.idempotency_keys SET status = $3, body = $4 WHERE scope = $1 AND key = $2 AND owner = $5', [
        scope,
        key,
        reply.statusCode,
        JSON.stringify(body ?? null),
        me,
      ]);
      return body;
    } catch (error) {
      await this.pool.query('DELETE FROM platform.idempotency_keys WHERE scope = $1 AND key = $2 AND owner = $3', [scope, key, me]);
      throw error;
    }
  }
}

/** The key as events carry it: scoped to caller and route like the claim, hashed so metadata holds no URL. */
function streamMark(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\n${key}`).digest('base64url').slice(0, 32);
}

/** The store for every Nest route. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ method: string; url: string; headers: Record<string, unknown>; body?: unknown }>();
    if (request.headers[IDEMPOTENCY_HEADER] === undefined || request.method === 'GET') return next.handle();
    const reply = http.getResponse<ReplyControl>();
    return from(this.store.handleOnce(request, userOf(request)?.id, reply, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
