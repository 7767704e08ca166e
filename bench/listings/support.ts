import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

const JWT_SECRET = 'listings-bench-secret-long-enough-for-hs256-0123456789';

/** An HS256 token as the platform's TokenService issues it. */
export function token(claims: { sub: string; roles: string[]; landlordId?: string }): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

/** The listings app as `npm start` runs it: its own process, on a database of the bench cluster. */
export function startListingsApp(databaseUrl: string, port: number): Promise<ChildProcess> {
  return startApp('listings', port, { DATABASE_URL: databaseUrl, JWT_SECRET, LOG_LEVEL: 'warn', LISTINGS_JOB_INTERVAL_MS: '0', SEED_ACCOUNTS: '' });
}

/** One of the apps from dist/ in its own process, as `npm start` runs it; resolves once /health answers. */
export async function startApp(name: string, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const nodeArgs = process.env[`${name.toUpperCase()}_BENCH_NODE_ARGS`]?.split(' ') ?? [];
  const child = spawn(process.execPath, [...nodeArgs, `dist/apps/${name}/src/main.js`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, PORT: String(port) },
  });
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the ${name} app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the ${name} app did not become healthy in 120 s`);
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
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * Keep-alive connections to a server on this machine. undici's pool rather than
 * node:http's agent: the load generator shares the machine's two cores with the
 * system under test, and undici spends about half the CPU per request.
 */
export function connect(port: number, connections: number): Pool {
  return new Pool(`http://127.0.0.1:${port}`, { connections });
}

/** One HTTP request, timed from send to the last byte. */
export async function send(server: Pool, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  const response = await server.request({ method, path, headers: payload ? { ...headers, 'content-type': 'application/json' } : headers, body: payload });
  const text = await response.body.text();
  return { status: response.statusCode, body: text, ms: performance.now() - started, headers: response.headers };
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
