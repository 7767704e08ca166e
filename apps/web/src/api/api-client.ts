import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'undici';
import { WEB_CONFIG, type WebConfig } from '../web.config.js';
import { ApiRefusal, ApiUnavailable, SessionExpired, type Problem } from './api-error.js';

export type App = 'applicants' | 'listings' | 'landlords' | 'statistics' | 'messages';

export interface Call {
  /** The signed-in person's bearer token. */
  readonly token?: string;
  /** Log positions of the person's own writes: the app answers once its read models have passed them. */
  readonly readAfter?: readonly string[];
  readonly idempotencyKey?: string;
  /** The ETag the person's copy was read with: a stale edit is refused (412) instead of overwriting. */
  readonly ifMatch?: string;
  readonly correlationId?: string;
  /** The person's own address, on sign-ins: the apps throttle failures per address, and would otherwise see only this server's. */
  readonly forwardedFor?: string;
  /** Staff reading a person's data state why (the apps log it); percent-encoded, as header values are Latin-1. */
  readonly accessReason?: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  /** A body sent as it is (a file the person uploaded), instead of `body` as JSON: the app judges its bytes. */
  readonly raw?: { readonly contentType: string; readonly data: Buffer };
  /** The answer is bytes (a PNG): its body is a Buffer, never decoded as text. */
  readonly binary?: boolean;
}

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
  /** `<app>:<position>` of the write, for the next read to wait on. */
  readonly logPosition?: string;
  readonly contentType?: string;
  readonly etag?: string;
}

const TIMEOUT_MS = 15_000;

/** HTTP to the five apps over kept-alive connection pools; turns their answers into values or typed errors. */
@Injectable()
export class ApiClient implements OnApplicationShutdown {
  private readonly pools: Readonly<Record<App, Pool>>;

  constructor(@Inject(WEB_CONFIG) config: WebConfig) {
    const pool = (url: string) => new Pool(url, { connections: 64, pipelining: 1, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
    this.pools = {
      applicants: pool(config.APPLICANTS_URL),
      listings: pool(config.LISTINGS_URL),
      landlords: pool(config.LANDLORDS_URL),
      statistics: pool(config.STATISTICS_URL),
      messages: pool(config.MESSAGES_URL),
    };
  }

  get<T>(app: App, path: string, call: Call = {}): Promise<Answer<T>> {
    return this.send<T>(app, 'GET', path, call);
  }

  post<T>(app: App, path: string, call: Call = {}): Promise<Answer<T>> {
    return this.send<T>(app, 'POST', path, call);
  }

  patch<T>(app: App, path: string, call: Call = {}): Promise<Answer<T>> {
    return this.send<T>(app, 'PATCH', path, call);
  }

  delete<T>(app: App, path: string, call: Call = {}): Promise<Answer<T>> {
    return this.send<T>(app, 'DELETE', path, call);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.pools).map((pool) => pool.close()));
  }

  private async send<T>(app: App, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, call: Call): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    if (call.readAfter?.length) headers['x-read-after'] = call.readAfter.join(', ');
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    if (call.ifMatch) headers['if-match'] = call.ifMatch;
    if (call.correlationId) headers['x-correlation-id'] = call.correlationId;
    if (call.forwardedFor) headers['x-forwarded-for'] = call.forwardedFor;
    if (call.accessReason) headers['x-access-reason'] = encodeURIComponent(call.accessReason);
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.raw) headers['content-type'] = call.raw.contentType;
    let response;
    try {
      response = await this.pools[app].request({
        method,
        path: withQuery(path, call.query),
        headers,
        body: call.raw ? call.raw.data : call.body === undefined ? undefined : JSON.stringify(call.body),
      });
    } catch (error) {
      throw new ApiUnavailable(`${app} did not answer ${method} ${path}: ${(error as Error).message}`);
    }
    const contentType = String(response.headers['content-type'] ?? '');
    const status = response.statusCode;
    const bytes = call.binary && status < 400 ? Buffer.from(await response.body.arrayBuffer()) : undefined;
    const text = bytes ? '' : await response.body.text();
    const body = bytes ?? (contentType.includes('json') && text ? (JSON.parse(text) as unknown) : text);
    // A 401 to a call with a token means the session is over; without one (signing in) it is a refusal.
    if (status === 401 && call.token) throw new SessionExpired();
    if (status >= 500) throw new ApiUnavailable(`${app} answered ${status} to ${method} ${path}`);
    if (status >= 400) throw new ApiRefusal(asProblem(body, status));
    const { 'x-log-position': logPosition, etag } = response.headers;
    return {
      status,
      body: body as T,
      contentType,
      logPosition: typeof logPosition === 'string' ? logPosition : undefined,
      etag: typeof etag === 'string' ? etag : undefined,
    };
  }
}

function withQuery(path: string, query: Call['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function asProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object' && 'status' in body) return body as Problem;
  return { type: 'about:blank', title: String(status), status, detail: typeof body === 'string' ? body : '' };
}
