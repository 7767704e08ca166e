import { spawn, type ChildProcess } from 'node:child_process';
import { Supervisor, type SupervisorOptions } from './supervisor.js';

// Tiny apps: one that runs until stopped, one that ignores SIGTERM, one that crashes at once. Each says when its handler is in place.
const RUNS = `process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000); process.stdout.write('ready');`;
const STUBBORN = `process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); process.stdout.write('ready');`;
const CRASHES = `process.exit(3);`;

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Waits for a condition, bounded, instead of asserting how long anything took. */
async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the supervisor of npm start, with real child processes', () => {
  const spawned: ChildProcess[] = [];
  const ready = new Set<ChildProcess>();
  const lines: string[] = [];
  const gaveUp: string[] = [];
  const node = (script: string) => () => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout!.once('data', () => ready.add(child));
    spawned.push(child);
    return child;
  };
  const supervisor = (options: Partial<SupervisorOptions> = {}) =>
    new Supervisor({ log: (line) => lines.push(line), onGiveUp: (reason) => gaveUp.push(reason), firstDelayMs: 10, maxDelayMs: 40, ...options });
  /** Kills the app's process with -9 and waits for its successor. */
  const crash = async (app: { current: () => ChildProcess }) => {
    const before = app.current();
    before.kill('SIGKILL');
    await until('the restart', () => app.current() !== before);
  };

  afterEach(() => {
    for (const child of spawned.filter(alive)) child.kill('SIGKILL');
    spawned.length = lines.length = gaveUp.length = 0;
    ready.clear();
  });

  test('an app killed with -9 is restarted and logged, the others keep running; stop ends all, the stubborn with SIGKILL, and restarts none', async () => {
    const s = supervisor({ stopTimeoutMs: 200 });
    const a = s.add('a', node(RUNS));
    const b = s.add('b', node(RUNS));
    const stubborn = s.add('stubborn', node(STUBBORN));
    const bBefore = b.current();
    await crash(a);
    expect(lines).toEqual(['a exited (SIGKILL); restarting it in 0.01 s']);
    expect(alive(a.current())).toBe(true);
    expect(b.current()).toBe(bBefore);
    expect(alive(bBefore)).toBe(true);

    // Stopped only once each has its SIGTERM handler, as the apps of npm start have long before anyone presses Ctrl-C.
    await until('every app ready', () => [a, b, stubborn].every((app) => ready.has(app.current())));
    await s.stop();
    expect(spawned.filter(alive)).toEqual([]);
    expect(stubborn.current().signalCode).toBe('SIGKILL');
    expect([a, b].map((app) => app.current().exitCode)).toEqual([0, 0]);
    expect(spawned).toHaveLength(4);
    expect(gaveUp).toEqual([]);
  });

  test('an app that keeps dying waits 1, 2, 4 … times the first delay, capped, then one line gives up', async () => {
    supervisor({ maxDeaths: 5, windowMs: 60_000 }).add('x', node(CRASHES));
    await until('giving up', () => gaveUp.length > 0);
    expect(lines.slice(0, -1)).toEqual([0.01, 0.02, 0.04, 0.04].map((s) => `x exited (code 3); restarting it in ${s} s`));
    expect(gaveUp).toEqual(['x died 5 times within 60 s (last: code 3); giving up and stopping everything']);
    expect(lines.at(-1)).toBe(gaveUp[0]);
    expect(spawned).toHaveLength(5);
  });

  test('an app that stayed up a while starts again from the first delay', async () => {
    let now = 0;
    const s = supervisor({ stableAfterMs: 60_000, now: () => now });
    const y = s.add('y', node(RUNS));
    await crash(y);
    await crash(y);
    now += 60_000;
    await crash(y);
    expect(lines.map((l) => l.replace(/.*in /, ''))).toEqual(['0.01 s', '0.02 s', '0.01 s']);
    await s.stop();
  });
});
