import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export const JWT_SECRET = 'listings-bench-secret-long-enough-for-hs256-0123456789';

/** An HS256 token as the platform's TokenService issues it. */
export function token(claims: { sub: string; roles: string[]; landlordId?: string }): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

/** The listings app as `npm start` runs it: its own process, on a database of the bench cluster. */
export async function startListingsApp(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.LISTINGS_BENCH_NODE_ARGS?.split(' ') ?? []), 'dist/apps/listings/src/main.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), JWT_SECRET, LOG_LEVEL: 'warn', LISTINGS_JOB_INTERVAL_MS: '0', SEED_ACCOUNTS: '' },
  });
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the listings app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the listings app did not become healthy in 120 s');
}

export async function startBareFastify(port: number): Promise<ChildProcess> {
  const child = fork('dist/bench/listings/bare-fastify.js', [], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with code ${code}`)));
  });
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

/** One HTTP request on a keep-alive agent, timed from send to the last byte. */
export function send(agent: http.Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, host: '127.0.0.1', port, method, path, headers: { ...headers, ...(payload && { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}

/** Runs `total` requests with `concurrency` in flight; returns each reply in request order and the wall time. */
export async function load(total: number, concurrency: number, request: (index: number) => Promise<Reply>): Promise<{ replies: Reply[]; seconds: number }> {
  const replies = new Array<Reply>(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const index = next++;
        if (index >= total) return;
        replies[index] = await request(index);
      }
    }),
  );
  return { replies, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
