import { connect } from 'node:net';
import { isDatabaseUnavailable } from './connection-errors.js';

/** The error Node gives for a connection to `path`, a Unix socket or a TCP port. */
function connectError(options: { path: string } | { port: number; host: string }): Promise<Error> {
  return new Promise((resolve) => connect(options).on('error', resolve));
}

describe('isDatabaseUnavailable', () => {
  test('a server stopped behind a Unix socket (its file gone) or a refused port is an outage', async () => {
    expect(isDatabaseUnavailable(await connectError({ path: '/nonexistent-dir/.s.PGSQL.5432' }))).toBe(true);
    expect(isDatabaseUnavailable(await connectError({ port: 1, host: '127.0.0.1' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: await connectError({ path: '/nonexistent-dir/.s.PGSQL.5432' }) }))).toBe(true);
  });

  test('a missing file elsewhere, or a statement error, is not', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), { code: 'ENOENT', syscall: 'open' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(false);
  });
});
