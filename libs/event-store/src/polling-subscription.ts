import type { BatchHandler, GlobalPosition, ReadAllOptions, RecordedEvent, Subscription } from './event-store.port.js';

/** Lets an appender in the same process wake its subscribers instead of waiting for the next poll. */
export class Wakeup {
  private waiters = new Set<() => void>();

  notify(): void {
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }
}

export interface PollingOptions {
  readonly from: GlobalPosition;
  readonly batchSize: number;
  readonly idleMs: number;
  /** Read errors (an outage) are retried after this long; handler errors end the subscription. */
  readonly retryMs: number;
  /**
   * After a batch that did not fill up, read again only this long after the
   * previous read started, so that under a stream of small appends each read (and
   * each handler transaction) takes many events instead of one. It is how far
   * behind the subscriber may fall. Timed from the read, not from the end of the
   * handler, so subscribers that shared a read ask for the next one together.
   * A batch of one event is a trickle, not a burst: the next read follows at once,
   * so a person's own change shows in read models without the wait.
   */
  readonly settleMs?: number;
  readonly onReadError?: (error: unknown) => void;
}

/**
 * Catch-up subscription over `readAll`: awaits the handler for each batch before
 * reading the next, so the handler sees every event once, in log order.
 */
export function pollingSubscription(readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>, wakeup: Wakeup, options: PollingOptions, handler: BatchHandler): Subscription {
  let stopped = false;
  let position = options.from;
  const loop = async () => {
    while (!stopped) {
      let events: RecordedEvent[];
      const readAt = Date.now();
      try {
        events = await readAll({ after: position, limit: options.batchSize });
      } catch (error) {
        options.onReadError?.(error);
        await wakeup.wait(options.retryMs);
        continue;
      }
      if (stopped) return;
      if (events.length === 0) {
        await wakeup.wait(options.idleMs);
        continue;
      }
      await handler(events);
      position = events[events.length - 1].position;
      const settleFor = options.settleMs ? readAt + options.settleMs - Date.now() : 0;
      if (settleFor > 0 && events.length > 1 && events.length < options.batchSize) await settle(settleFor);
    }
  };
  const settle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      stopping = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  let stopping = () => {};
  const done = loop();
  return {
    done,
    stop: async () => {
      stopped = true;
      stopping();
      wakeup.notify();
      await done.catch(() => undefined);
    },
  };
}
