import type { Admin } from 'kafkajs';

/**
 * Creates only topics that are missing (with the broker's default partitions and
 * replication), so clusters that manage topics and deny creation still work.
 * Apps starting together race to create the same topic: the loser's "already
 * exists" is success (kafkajs then returns false without waiting for leaders;
 * producer and consumer retry until the winner's topic has them).
 */
export class Topics {
  private readonly known = new Set<string>();
  /** Calls in one process share a creation in flight instead of racing each other too. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly admin: () => Promise<Admin>) {}

  async ensure(topics: readonly string[]): Promise<void> {
    const unknown = topics.filter((topic) => !this.known.has(topic));
    if (unknown.length === 0) return;
    const fresh = unknown.filter((topic) => !this.pending.has(topic));
    if (fresh.length > 0) {
      const creation = this.create(fresh).finally(() => fresh.forEach((topic) => this.pending.delete(topic)));
      fresh.forEach((topic) => this.pending.set(topic, creation));
    }
    await Promise.all(unknown.map((topic) => this.pending.get(topic)));
  }

  private async create(topics: readonly string[]): Promise<void> {
    const admin = await this.admin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing.map((topic) => ({ topic })), waitForLeaders: true });
    }
    topics.forEach((topic) => this.known.add(topic));
  }
}
