import type { Clock } from './clock.port.js';

export interface BusinessScheduleOptions {
  readonly clock: Clock;
  /** Real time between runs; 0 turns the schedule off, jumps included, for tests that drive the job over HTTP. */
  readonly everyMs: number;
  /** Also run right after start, catching up what fell due while the app was down. */
  readonly atStart?: boolean;
  /** Reads business "today" from the clock itself; must be safe to run again. */
  readonly run: () => Promise<unknown>;
  readonly onError: (error: Error) => void;
}

/**
 * Runs a due-work job every interval and at once when business time jumps, so a
 * training move makes deadlines pass within seconds. One run at a time: an
 * interval tick during a run is dropped (a long catch-up is left to finish
 * rather than queued behind), but a jump during a run is kept for one more run,
 * as the running one may have read "today" before the jump.
 */
export class BusinessSchedule {
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private running?: Promise<void>;
  private jumpedWhileRunning = false;
  private stopped = false;

  constructor(private readonly options: BusinessScheduleOptions) {}

  start(): void {
    if (this.options.everyMs === 0) return;
    this.timer = setInterval(() => this.trigger(false), this.options.everyMs).unref();
    this.unsubscribe = this.options.clock.onJump(() => this.trigger(true));
    // Not awaited: start-up does not wait for a catch-up that may take a while.
    if (this.options.atStart) setImmediate(() => this.trigger(false)).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.running;
  }

  private trigger(jump: boolean): void {
    if (this.stopped) return;
    if (this.running) {
      this.jumpedWhileRunning ||= jump;
      return;
    }
    this.running = Promise.resolve()
      .then(this.options.run)
      .then(
        () => undefined,
        (error: Error) => this.options.onError(error),
      )
      .finally(() => {
        this.running = undefined;
        if (!this.jumpedWhileRunning) return;
        this.jumpedWhileRunning = false;
        this.trigger(true);
      });
  }
}
