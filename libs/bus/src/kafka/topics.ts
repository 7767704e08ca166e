import type { Admin } from 'kafkajs';

/**
 * Topics keep every message (retention.ms=-1, whatever the broker's default): a
 * rebuild replays a read model from the earliest offset, so a deleted segment
 * would be a read model that can never be rebuilt.
 */
const KEEP_FOREVER = [{ name: 'retention.ms', value: '-1' }];

/**
 * Creates only topics that are missing (with the broker's default partitions and
 * replication, kept forever), so clusters that manage topics and deny creation still work.
 * Apps starting together race to create the same topic: the loser's "already
 * exists" is success, and both wait for the topic's leaders.
 */
export class Topics {
  private readonly known = new Set<string>();
  /** Calls in one process share a creation in flight instead of racing each other too. */
  private readonly pending = new Map<string, Promise<void>>();

  private readonly partitionCounts = new Map<string, number>();

  constructor(private readonly admin: () => Promise<Admin>) {}

  /** How many partitions a topic has (created if missing); asked once per topic. */
  async partitions(topic: string): Promise<number> {
    const known = this.partitionCounts.get(topic);
    if (known !== undefined) return known;
    await this.ensure([topic]);
    const { topics } = await (await this.admin()).fetchTopicMetadata({ topics: [topic] });
    const count = topics[0].partitions.length;
    this.partitionCounts.set(topic, count);
    return count;
  }

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
      await admin.createTopics({ topics: missing.map((topic) => ({ topic, configEntries: KEEP_FOREVER })), waitForLeaders: false });
      await leadersOf(admin, missing);
    }
    topics.forEach((topic) => this.known.add(topic));
  }
}

const LEADERS_WITHIN_MS = 30_000;

/**
 * Waits until every partition of new topics has a leader. kafkajs's own wait
 * (waitForLeaders) gives up at once when the broker answers that it does not know
 * the topic yet, which a KRaft broker does for a moment after creating it, most
 * often when several apps create topics together.
 */
async function leadersOf(admin: Admin, topics: readonly string[]): Promise<void> {
  const until = Date.now() + LEADERS_WITHIN_MS;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
      if (found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
    if (Date.now() > until) throw new Error(`Kafka topics without leaders after ${LEADERS_WITHIN_MS / 1000} s: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
