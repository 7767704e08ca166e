import { AsyncLocalStorage } from 'node:async_hooks';
import { comparePositions, type LogPosition } from './log-token.js';

/** How far a request (or a batch of requests written together) has written the app's log. */
export class LogWrites {
  private at: LogPosition | undefined;

  get last(): LogPosition | undefined {
    return this.at;
  }

  note(position: LogPosition): void {
    if (!this.at || comparePositions(position, this.at) > 0) this.at = position;
  }
}

const storage = new AsyncLocalStorage<LogWrites>();

/** The writes of the request being handled; undefined outside a request (jobs, consumers, scripts). */
export function currentLogWrites(): LogWrites | undefined {
  return storage.getStore();
}

/** Runs work that notes its appends in `writes`, e.g. a request, or a batch written for several requests. */
export function withLogWrites<T>(writes: LogWrites, work: () => T): T {
  return storage.run(writes, work);
}

/** Called by the event store on every append: the response to the request that caused it names the position. */
export function noteLogWrite(position: LogPosition): void {
  storage.getStore()?.note(position);
}
