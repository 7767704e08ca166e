import { Kafka, Partitioners, type Admin, type IHeaders, type KafkaMessage, type Message, type Producer } from 'kafkajs';
import type pg from 'pg';
import type { ConsumeOptions, Consumer, DeadLetter, IntegrationBus, IntegrationMessage, MessageHandler } from '../bus.port.js';
import { deliver, DEFAULT_MAX_ATTEMPTS } from '../postgres/deliver.js';
import { readDeadLetters } from '../postgres/inbox.js';

export interface KafkaBusOptions {
  readonly brokers: string[];
  readonly clientId: string;
  /** The consumer's own database: read model, inbox and dead letters. Offsets stay in Kafka. */
  readonly readModel: pg.Pool;
}

/**
 * IntegrationBus on Kafka: one topic per contract name, keyed by aggregate id so a
 * key's messages share a partition and keep their order. Delivery is at least once;
 * consumers apply each message id once through the inbox in their read model.
 */
export class KafkaBus implements IntegrationBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly consumers = new Set<Consumer>();
  private readonly knownTopics = new Set<string>();
  private producerReady?: Promise<void>;
  private adminReady?: Promise<void>;

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers });
    // Idempotent with one request in flight: broker-side retries neither duplicate nor reorder a partition.
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.admin = this.kafka.admin();
  }

  async publish(messages: readonly IntegrationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      const topicMessages = byTopic.get(message.type) ?? [];
      topicMessages.push(toKafkaMessage(message));
      byTopic.set(message.type, topicMessages);
    }
    await this.ensureTopics([...byTopic.keys()]);
    await this.connectProducer();
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, topicMessages]) => ({ topic, messages: topicMessages })),
    });
  }

  async consume(options: ConsumeOptions, handler: MessageHandler): Promise<Consumer> {
    const { group, topics } = options;
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    // Subscribing to a topic that does not exist yet would fail: a consumer may start before any producer.
    await this.ensureTopics(topics);
    const consumer = this.kafka.consumer({ groupId: group });
    await consumer.connect();
    try {
      // A new group starts at the earliest offset; a known group resumes from its committed offsets.
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const decoded = decode(topic, partition, message);
          if (decoded.error) {
            // Unreadable bytes never succeed: straight to a dead letter instead of blocking the partition.
            await deliver(this.options.readModel, group, decoded.message, () => Promise.reject(decoded.error), 1);
          } else {
            await deliver(this.options.readModel, group, decoded.message, handler, maxAttempts);
          }
          // Only after the read model committed; if deliver threw (database down) nothing is
          // committed and kafkajs retries the message, then restarts the consumer.
          await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        },
      });
    } catch (error) {
      await consumer.disconnect();
      throw error;
    }
    const handle: Consumer = {
      stop: async () => {
        this.consumers.delete(handle);
        await consumer.disconnect();
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  deadLetters(group: string): Promise<DeadLetter[]> {
    return readDeadLetters(this.options.readModel, group);
  }

  async ping(): Promise<void> {
    await this.connectAdmin();
    await this.admin.describeCluster();
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
    this.producerReady = undefined;
    this.adminReady = undefined;
  }

  /**
   * Creates only topics that are missing (with the broker's default partitions and
   * replication), so clusters that manage topics and deny creation still work.
   */
  private async ensureTopics(topics: readonly string[]): Promise<void> {
    if (topics.every((topic) => this.knownTopics.has(topic))) return;
    await this.connectAdmin();
    for (const topic of await this.admin.listTopics()) this.knownTopics.add(topic);
    const missing = topics.filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    await this.admin.createTopics({ topics: missing.map((topic) => ({ topic })), waitForLeaders: true });
    for (const topic of missing) this.knownTopics.add(topic);
  }

  private connectProducer(): Promise<void> {
    this.producerReady ??= this.producer.connect().catch((error: unknown) => {
      this.producerReady = undefined;
      throw error;
    });
    return this.producerReady;
  }

  private connectAdmin(): Promise<void> {
    this.adminReady ??= this.admin.connect().catch((error: unknown) => {
      this.adminReady = undefined;
      throw error;
    });
    return this.adminReady;
  }
}

function toKafkaMessage(message: IntegrationMessage): Message {
  const headers: IHeaders = {
    'message-id': message.id,
    'message-type': message.type,
    'correlation-id': message.correlationId,
  };
  if (message.causationId !== null) headers['causation-id'] = message.causationId;
  return { key: message.key, value: JSON.stringify(message), headers };
}

type Decoded = { message: IntegrationMessage; error?: undefined } | { message: IntegrationMessage; error: Error };

/** Our value is the JSON message; anything else is kept as a dead letter under a synthetic id. */
function decode(topic: string, partition: number, record: KafkaMessage): Decoded {
  const raw = record.value?.toString('utf8') ?? null;
  try {
    const message = JSON.parse(raw ?? 'null') as Partial<IntegrationMessage> | null;
    if (typeof message?.id === 'string' && typeof message.type === 'string' && typeof message.key === 'string') {
      return { message: message as IntegrationMessage };
    }
  } catch {
    // Falls through to the dead letter below.
  }
  return {
    message: {
      id: `kafka:${topic}/${partition}/${record.offset}`,
      type: topic,
      key: record.key?.toString('utf8') ?? '',
      payload: raw,
      correlationId: '',
      causationId: null,
      occurredAt: new Date(Number(record.timestamp)).toISOString(),
    },
    error: new Error(`Not an integration message at ${topic}/${partition}/${record.offset}`),
  };
}
