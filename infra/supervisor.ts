import type { ChildProcess } from 'node:child_process';

export interface SupervisorOptions {
  readonly log: (line: string) => void;
  /** Told once, in one line, when an app keeps dying: the caller stops everything. */
  readonly onGiveUp: (reason: string) => void;
  /** The first restart's delay; each death in a row doubles it, up to `maxDelayMs`. */
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  /** An app up this long has recovered: its next death waits `firstDelayMs` again. */
  readonly stableAfterMs?: number;
  /** This many deaths of one app within `windowMs` and restarting is no longer helping. */
  readonly maxDeaths?: number;
  readonly windowMs?: number;
  /** Asking children to stop, then killing those still there after this long. */
  readonly stopTimeoutMs?: number;
  /** For tests: the time an app has been up is read from here, so recovery needs no waiting. */
  readonly now?: () => number;
}

interface App {
  readonly name: string;
  readonly spawn: () => ChildProcess;
  child: ChildProcess;
  startedAt: number;
  /** Deaths since it last stayed up `stableAfterMs`: the exponent of the next delay. */
  streak: number;
  deaths: number[];
  restart?: NodeJS.Timeout;
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * Keeps `npm start`'s apps running: an app that dies (a crash, kill -9) is
 * restarted after a growing delay instead of taking every other app down; only
 * `stop` (Ctrl-C) or an app that keeps dying ends them all.
 */
export class Supervisor {
  private readonly apps: App[] = [];
  private stopping: Promise<void> | undefined;
  private readonly o: Required<SupervisorOptions>;

  constructor(options: SupervisorOptions) {
    this.o = { firstDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000, maxDeaths: 5, windowMs: 120_000, stopTimeoutMs: 10_000, now: Date.now, ...options };
  }

  /** Starts `spawn()` now and again whenever it dies; `current()` is the process running at the moment. */
  add(name: string, spawn: () => ChildProcess): { current: () => ChildProcess } {
    const app: App = { name, spawn, child: spawn(), startedAt: this.o.now(), streak: 0, deaths: [] };
    this.apps.push(app);
    this.watch(app);
    return { current: () => app.child };
  }

  /** Stops every app (SIGTERM, SIGKILL after the timeout) and restarts none; resolves once all have exited. */
  stop(): Promise<void> {
    this.stopping ??= Promise.all(
      this.apps.map((app) => {
        clearTimeout(app.restart);
        const child = app.child;
        if (!alive(child)) return undefined;
        return new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), this.o.stopTimeoutMs).unref();
        });
      }),
    ).then(() => undefined);
    return this.stopping;
  }

  private watch(app: App): void {
    app.child.once('exit', (code, signal) => {
      if (!this.stopping) this.died(app, signal ?? `code ${code}`);
    });
  }

  private died(app: App, how: string): void {
    const now = this.o.now();
    if (now - app.startedAt >= this.o.stableAfterMs) app.streak = 0;
    app.deaths = [...app.deaths.filter((t) => now - t < this.o.windowMs), now];
    if (app.deaths.length >= this.o.maxDeaths) {
      const reason = `${app.name} died ${app.deaths.length} times within ${this.o.windowMs / 1000} s (last: ${how}); giving up and stopping everything`;
      this.o.log(reason);
      this.o.onGiveUp(reason);
      return;
    }
    const delay = Math.min(this.o.firstDelayMs * 2 ** app.streak, this.o.maxDelayMs);
    app.streak++;
    this.o.log(`${app.name} exited (${how}); restarting it in ${delay / 1000} s`);
    app.restart = setTimeout(() => {
      if (this.stopping) return;
      app.child = app.spawn();
      app.startedAt = this.o.now();
      this.watch(app);
    }, delay);
  }
}
