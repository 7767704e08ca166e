import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { appConsole } from './app-console.js';

/** A child that logs as the apps do (a pino line on stdout), then dies with a line on stderr that is not JSON. */
const APP = `process.stdout.write(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, hostname: 'h', name: 'listings', correlationId: 'c-1', msg: 'ranked 12 applications' }) + '\\n');
process.stderr.write('Error: cannot connect\\n    at main (main.js:1:1)\\n', () => process.exit(1));`;

async function run(format: 'pretty' | 'json'): Promise<{ out: string; err: string; inherited: boolean }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (chunk: Buffer) => (text.out += chunk.toString()));
  err.on('data', (chunk: Buffer) => (text.err += chunk.toString()));
  const console = appConsole({ format, colour: false }, { out, err });
  // With JSON the child writes straight to ours; here only the shape of stdio says so.
  const inherited = console.stdio[1] === 'inherit';
  const child = console.show('listings', spawn(process.execPath, ['-e', APP], { stdio: inherited ? ['ignore', 'ignore', 'ignore'] : console.stdio }));
  await once(child, 'close');
  return { ...text, inherited };
}

describe("npm start's console, on a real child process", () => {
  test('pretty: stdout and stderr lines come out readable, each after the app name', async () => {
    const { out, err } = await run('pretty');
    expect(out).toMatch(/^listings {3}\[\d\d:\d\d:\d\d\.\d{3}\] INFO: ranked 12 applications {2}corr=c-1\n$/);
    expect(err).toBe('listings   Error: cannot connect\nlistings       at main (main.js:1:1)\n');
  });

  test('json: the child writes to the terminal itself, nothing is parsed or changed', async () => {
    const { out, err, inherited } = await run('json');
    expect({ inherited, out, err }).toEqual({ inherited: true, out: '', err: '' });
  });
});
