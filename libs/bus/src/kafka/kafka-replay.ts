import { randomUUID } from 'node:crypto';
import type { Admin, EachBatchPayload, Kafka, Consumer as KafkaConsumer } from 'kafkajs';
import type { IntegrationMessage } from '../bus.port.js';
import { decode } from './kafka-message.js';

export interface KafkaReplayOptions {
  readonly topics: readonly string[];
  /** Hears of a record that is not our JSON before it is handed over (as the live consumer's dead letter has it, under a synthetic id), so the replay can leave it out. */
  readonly onUnreadable: (message: IntegrationMessage, error: Error) => void;
}

/** Records fetched ahead of the fold; the fetch waits (heartbeating) while this many are unread. */
const READ_AHEAD = 20_000;
const POLL_MS = 50;

const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

/**
 * Every record of some topics from their earliest offset, for a rebuild: `read`
 * hands them over in fetch order (each key's messages in order, as its partition
 * keeps them) and returns none once every partition has been read to the end it
 * has when asked, so a second fold after more was published reads that tail.
 * It reads under a throwaway consumer group that commits nothing and is deleted
 * on close, so the live groups' offsets are never touched.
 */
export class KafkaReplay {
  private readonly group = `replay-${randomUUID()}`;
  private readonly buffer: IntegrationMessage[] = [];
  /** The next offset to read, per partition, for those the fetch has reached. */
  private readonly next = new Map<string, bigint>();
  private consumer?: KafkaConsumer;
  private failure?: Error;
  private wakeFetch?: () => void;

  private constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly options: KafkaReplayOptions,
  ) {}

  /** Refuses a replay that could not be complete: a partition whose oldest records retention has deleted. */
  static async open(kafka: Kafka, admin: Admin, options: KafkaReplayOptions): Promise<KafkaReplay> {
    const replay = new KafkaReplay(kafka, admin, options);
    for (const { topic, partition, low } of await replay.ends()) {
      if (low > 0n) {
        throw new Error(
          `${topic} partition ${partition} starts at offset ${low}: retention has deleted older messages, so a replay would miss them (set retention.ms=-1 on the topic; docs/decisions/0014-rebuilds-replay-kafka-topics.md)`,
        );
      }
    }
    await replay.start();
    return replay;
  }

  /** Records in the topics now: for the progress report. */
  async count(): Promise<number> {
    return (await this.ends()).reduce((sum, { low, high }) => sum + Number(high - low), 0);
  }

  async read(limit: number): Promise<IntegrationMessage[]> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.buffer.length > 0) {
        const batch = this.buffer.splice(0, limit);
        this.wakeFetch?.();
        return batch;
      }
      // The fetch may have buffered the rest while the ends were asked for: those come first.
      if (await this.caughtUp()) {
        if (this.buffer.length === 0) return [];
      } else {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
    // Nothing was committed, but the broker keeps an empty group's metadata until its retention ends.
    await this.admin.deleteGroups([this.group]).catch(() => undefined);
  }

  private async start(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.group, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.failure = payload.error;
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.take(payload) });
  }

  private async take({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    for (const record of batch.messages) {
      while (this.buffer.length >= READ_AHEAD && isRunning()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1_000);
          this.wakeFetch = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        await heartbeat();
      }
      if (!isRunning() || isStale()) return;
      const decoded = decode(batch.topic, batch.partition, record);
      if (decoded.unreadable) this.options.onUnreadable(decoded.message, decoded.unreadable);
      this.buffer.push(decoded.message);
      this.next.set(partitionKey(batch.topic, batch.partition), BigInt(record.offset) + 1n);
      // Moves the fetch position on (kafkajs fetches unresolved offsets again); nothing is committed.
      resolveOffset(record.offset);
    }
  }

  /** Every partition read up to its end as of now (an empty partition, from the start, is). */
  private async caughtUp(): Promise<boolean> {
    return (await this.ends()).every(({ topic, partition, low, high }) => (this.next.get(partitionKey(topic, partition)) ?? low) >= high);
  }

  private async ends(): Promise<Array<{ topic: string; partition: number; low: bigint; high: bigint }>> {
    const all = await Promise.all(
      this.options.topics.map(async (topic) => {
        const partitions = await this.admin.fetchTopicOffsets(topic);
        // Metadata of a topic created a moment ago may list no partitions yet: every topic has at least one.
        if (partitions.length === 0) throw new Error(`Kafka lists no partitions of ${topic} yet`);
        return partitions.map(({ partition, low, high }) => ({ topic, partition, low: BigInt(low), high: BigInt(high) }));
      }),
    );
    return all.flat();
  }
}
