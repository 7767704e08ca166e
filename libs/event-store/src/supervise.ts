import type { Subscription } from './event-store.port.js';

/**
 * Restarts a subscription that failed (an outage, a handler error) after a pause,
 * from its stored checkpoint, instead of letting a relay or projection die silently.
 * One that ends normally was stopped (the store closed) and stays stopped.
 */
export function supervise(start: () => Promise<Subscription>, onError: (error: unknown) => void, restartMs = 1000): Subscription {
  let stopped = false;
  let current: Subscription | undefined;
  let wake: (() => void) | undefined;
  const run = async () => {
    while (!stopped) {
      try {
        current = await start();
        // A normal end is a stop, its own or its store's close(): nothing to restart.
        await current.done;
        return;
      } catch (error) {
        if (stopped) return;
        onError(error);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, restartMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  };
  const done = run();
  return {
    done,
    stop: async () => {
      stopped = true;
      wake?.();
      await current?.stop();
      await done;
    },
  };
}
