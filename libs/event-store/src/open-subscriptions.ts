import type { Subscription } from './event-store.port.js';

/**
 * The subscriptions a store has started and that have not ended, so that its
 * `close()` stops them all: a polling loop left running would otherwise read a
 * closed pool, fail and retry forever, and a streaming one would resubscribe.
 */
export class OpenSubscriptions {
  private readonly open = new Set<Subscription>();

  track(subscription: Subscription): Subscription {
    this.open.add(subscription);
    void subscription.done.finally(() => this.open.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.stop()));
  }
}
