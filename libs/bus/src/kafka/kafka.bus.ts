import { Kafka, logLevel, Partitioners, type Admin, type EachBatchPayload, type Message, type Producer } from 'kafkajs';
import type pg from 'pg';
import type { BatchHandler, ConsumeOptions, Consumer, DeadLetter, IntegrationBus, IntegrationMessage, MessageHandler, RelayProgress, SourceProgressSink } from '../bus.port.js';
import { deliverBatch, BATCH_LIMIT } from '../postgres/deliver-batch.js';
import { DEFAULT_MAX_ATTEMPTS } from '../postgres/deliver.js';
import { readDeadLetters } from '../postgres/inbox.js';
import { decode, toKafkaMessage } from './kafka-message.js';
import { kafkaLog } from './kafka-log.js';
import { GroupProgress, isMarkerRecord, progressRecords, topicsOf } from './kafka-progress.js';
import { KafkaReplay, type KafkaReplayOptions } from './kafka-replay.js';
import { Topics } from './topics.js';

export interface KafkaBusOptions {
  readonly brokers: string[];
  readonly clientId: string;
  /** The consumer's own database: read model, inbox and dead letters. Offsets stay in Kafka. */
  readonly readModel: pg.Pool;
  /** Hears how far each consumer group has applied each source app's relay, for X-Read-After. */
  readonly progress?: SourceProgressSink;
}

/**
 * Offsets are committed every this many messages or this often, not after every batch as kafkajs' autoCommit does:
 * that commit, a round trip to the group coordinator per partition batch, was most of the latency tail at 1,000
 * messages/s. Ten read-model transactions (BATCH_LIMIT) per commit: at one per transaction (500) the partition
 * waited on the coordinator as long as on its read model, which held a backlog's consumption to 0.7 of the
 * PostgreSQL bus's (decision 0019). A stop, rebalance or crash makes the group read again at most this uncommitted
 * tail, which the inbox skips.
 */
const COMMIT_EVERY_MESSAGES = 5_000;
const COMMIT_EVERY_MS = 1_000;
// How long a fetch waits on a quiet topic; a stop waits for the fetch in flight, so keep it short.
const FETCH_WAIT_MS = 500;
/**
 * The partitions a fetch returned are applied side by side, each in its own read-model transaction (order is per
 * partition, so it holds): one after the other, each partition's messages also waited for the others' transactions
 * and offset commits (kafkajs commits after every batch), which made the latency tail. A broker's default topic has 3.
 */
const PARTITIONS_CONCURRENTLY = 3;
/**
 * After a broker restart kafkajs restarts a crashed consumer as a new group member, and the group
 * waits for the old member's session to time out before it rebalances: this long (kafkajs' default
 * is 30 s) is how long a group stands still then. Heartbeats go every 3 s and after each message.
 */
const SESSION_TIMEOUT_MS = 10_000;

/**
 * IntegrationBus on Kafka: one topic per contract name, keyed by aggregate id so a
 * key's messages share a partition and keep their order. Delivery is at least once;
 * consumers apply each message id once through the inbox in their read model.
 */
export class KafkaBus implements IntegrationBus {
  private readonly kafka: Kafka;
  private producer?: Producer;
  private readonly admin: Admin;
  private readonly consumers = new Set<Consumer>();
  private readonly replays = new Set<KafkaReplay>();
  private readonly topics: Topics;
  private producerReady?: Promise<Producer>;
  private adminReady?: Promise<Admin>;

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers, logLevel: logLevel.WARN, logCreator: kafkaLog });
    this.admin = this.kafka.admin();
    this.topics = new Topics(() => this.connectAdmin());
  }

  /**
   * With `progress` (the relay's), a marker follows the batch in every partition of
   * every topic of the relay's app, in the same request: a consumer meets it only
   * after the messages before it there (decision 0015).
   */
  async publish(messages: readonly IntegrationMessage[], progress?: RelayProgress): Promise<void> {
    if (messages.length === 0 && !progress) return;
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) byTopic.set(message.type, [...(byTopic.get(message.type) ?? []), toKafkaMessage(message)]);
    await this.topics.ensure([...byTopic.keys()]);
    if (progress) {
      for (const topic of topicsOf(progress.app)) byTopic.set(topic, [...(byTopic.get(topic) ?? []), ...progressRecords(progress, await this.topics.partitions(topic))]);
    }
    if (byTopic.size === 0) return;
    const producer = await this.connectProducer();
    try {
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })) });
    } catch (error) {
      // A send that failed after retries may leave the idempotent producer's sequence numbers out of step with the
      // broker's (OUT_OF_ORDER_SEQUENCE_NUMBER on every later send). The relay retries the batch; a new producer
      // (new producer id) takes it, and any copy the broker did write is a duplicate id the consumers' inbox drops.
      this.producer = this.producerReady = undefined;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async consume(options: ConsumeOptions, handler: MessageHandler, many?: BatchHandler): Promise<Consumer> {
    const { group, topics } = options;
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    // Subscribing to a topic that does not exist yet would fail: a consumer may start before any producer.
    await this.topics.ensure(topics);
    const progress = await GroupProgress.of(group, this.options.progress, topics, (topic) => this.topics.partitions(topic));
    const consumer = this.kafka.consumer({ groupId: group, allowAutoTopicCreation: false, maxWaitTimeInMs: FETCH_WAIT_MS, sessionTimeout: SESSION_TIMEOUT_MS });
    await consumer.connect();
    const delivery = { pool: this.options.readModel, group, handler, many, maxAttempts };
    // kafkajs checks the commit interval only when a batch comes: on a topic gone quiet the last offsets would stay
    // uncommitted, so this checks it too. A commit that fails (a rebalance) leaves a tail the inbox skips when re-read.
    let commitIfDue: (() => Promise<void>) | undefined;
    const idleCommits = setInterval(() => void commitIfDue?.().catch(() => undefined), COMMIT_EVERY_MS);
    idleCommits.unref();
    const eachBatch = async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload) => {
      commitIfDue = () => commitOffsetsIfNecessary();
      for (let from = 0; from < batch.messages.length; from += BATCH_LIMIT) {
        // Stopping, or the partition was taken away in a rebalance: what is left is the next owner's.
        if (!isRunning() || isStale()) return;
        const records = batch.messages.slice(from, from + BATCH_LIMIT);
        // Markers are not handed to handlers; each is noted once the messages before it are committed.
        const items = records.filter((record) => !isMarkerRecord(record)).map((record) => decode(batch.topic, batch.partition, record));
        // One read-model transaction for the chunk (decision 0019). Throws only when the read model is unreachable:
        // the offsets stay, and kafkajs restarts the consumer there.
        await deliverBatch(delivery, items);
        for (const record of records) if (isMarkerRecord(record)) progress.met(batch.topic, batch.partition, record);
        // Resolved only after the read model committed, so a commit never covers a message not applied.
        resolveOffset(records[records.length - 1].offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    };
    try {
      // A new group starts at the earliest offset; a known group resumes from its committed offsets.
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: PARTITIONS_CONCURRENTLY,
        autoCommit: false,
        autoCommitThreshold: COMMIT_EVERY_MESSAGES,
        autoCommitInterval: COMMIT_EVERY_MS,
        eachBatchAutoResolve: false,
        eachBatch,
      });
    } catch (error) {
      clearInterval(idleCommits);
      await consumer.disconnect();
      throw error;
    }
    const handle: Consumer = {
      stop: async () => {
        this.consumers.delete(handle);
        clearInterval(idleCommits);
        await consumer.disconnect();
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  /** The topics from their earliest offset, for a rebuild; closed with the bus. */
  async replay(options: KafkaReplayOptions): Promise<KafkaReplay> {
    await this.topics.ensure(options.topics);
    const replay = await KafkaReplay.open(this.kafka, await this.connectAdmin(), options);
    this.replays.add(replay);
    return replay;
  }

  deadLetters(group: string): Promise<DeadLetter[]> {
    return readDeadLetters(this.options.readModel, group);
  }

  /**
   * The group's committed offsets against each partition's end; commits trail the read model by up to
   * COMMIT_EVERY_MS. An admin of its own: the shared one's cluster state, busy with topic creation and
   * replays, answered a partition's ends with nothing (kafkajs 2.2.4).
   */
  async appliedAll(group: string, topics: readonly string[]): Promise<boolean> {
    await this.topics.ensure(topics);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const committed = await admin.fetchOffsets({ groupId: group, topics: [...topics] });
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const partitions = committed.find((c) => c.topic === topic)?.partitions ?? [];
        for (const { partition, high } of ends) {
          const offset = partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          if (BigInt(high) > 0n && BigInt(offset) < BigInt(high)) return false;
        }
      }
      return true;
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * A fresh connection without retries each time: the shared admin would retry for
   * seconds and keep a dead connection around, so /health reports a lost broker at once.
   */
  async ping(): Promise<void> {
    const probe = new Kafka({ clientId: `${this.options.clientId}-health`, brokers: this.options.brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    try {
      await probe.connect();
      await probe.describeCluster();
    } finally {
      await probe.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    await Promise.all([...this.replays].map((replay) => replay.close()));
    this.replays.clear();
    await Promise.all([this.producer?.disconnect(), this.admin.disconnect()]);
    this.producer = this.producerReady = this.adminReady = undefined;
  }

  private connectProducer(): Promise<Producer> {
    this.producerReady ??= (async () => {
      // Idempotent with one request in flight: broker-side retries neither duplicate nor reorder a partition.
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      this.producer = producer;
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = this.producerReady = undefined;
      throw error;
    });
    return this.producerReady;
  }

  private connectAdmin(): Promise<Admin> {
    this.adminReady ??= this.admin.connect().then(
      () => this.admin,
      (error: unknown) => {
        this.adminReady = undefined;
        throw error;
      },
    );
    return this.adminReady;
  }
}
