import { createServer } from 'node:net';

/** Listens on `port` (0: any) for a moment; resolves the port it got, or null when it is taken. */
function tryListen(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
    });
  });
}

/** A port nobody listens on, so parallel runs on one machine do not collide. */
export async function freePort(): Promise<number> {
  const port = await tryListen(0);
  if (port === null) throw new Error('no free TCP port on 127.0.0.1');
  return port;
}

/** The preferred port when it is free, another free one otherwise: a second broker or a test run must not fail on a busy default. */
export async function preferredOrFreePort(preferred: number): Promise<number> {
  return (await tryListen(preferred)) ?? freePort();
}
