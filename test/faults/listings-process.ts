import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An HS256 token as the platform's TokenService issues it, so a fault test needs no sign-in. */
export function token(secret: string, claims: { sub: string; roles: string[]; landlordId?: string }): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The listings app from dist/ in its own process, as `npm start` runs it; resolves once /health answers. */
export async function startListings(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/listings/src/main.js'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env, PORT: String(port) } });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`the listings app exited with code ${child.exitCode}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    await pause(200);
  }
  child.kill('SIGKILL');
  throw new Error('the listings app did not become healthy');
}

export function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export interface Answer {
  readonly status: number;
  readonly body: { applicationId?: string } & Record<string, unknown>;
}

/** A request to the app on 127.0.0.1; undefined when there was no answer (refused, reset, cut). */
export async function send(port: number, method: string, path: string, headers: Record<string, string>, body: unknown): Promise<Answer | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  } catch {
    return undefined;
  }
}
