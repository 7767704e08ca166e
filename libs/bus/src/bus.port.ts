/**
 * An integration message: a versioned contract between apps (type like
 * `applicants.applicant-registered.v1`), keyed by aggregate id for per-key order.
 */
export interface IntegrationMessage<P = unknown> {
  /** Deterministic (derived from the source event) so a republish is a duplicate, not a new fact. */
  readonly id: string;
  /** The topic is the contract name, e.g. `applicants.applicant-registered.v1`. */
  readonly type: string;
  readonly key: string;
  readonly payload: P;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly occurredAt: string;
}

/** A transaction on the consumer's read-model database: rows and checkpoint commit together. */
export interface Tx {
  query<R = any>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

export type MessageHandler = (message: IntegrationMessage, tx: Tx) => Promise<void>;

/**
 * Optional, beside a MessageHandler: applies consecutive messages (in order, each
 * new to the group) with set-based writes, a few statements for a whole batch
 * instead of some per message. It must do what the handler would do for each in
 * turn: when it throws, the bus rolls back and applies that batch message by
 * message with the handler, which pins the failure on its message.
 */
export type BatchHandler = (messages: readonly IntegrationMessage[], tx: Tx) => Promise<void>;

export interface ConsumeOptions {
  /** Consumer group: each group sees every message once (at least once, deduplicated). */
  readonly group: string;
  readonly topics: readonly string[];
  /** Attempts before the message goes to the dead-letter record. */
  readonly maxAttempts?: number;
}

export interface Consumer {
  stop(): Promise<void>;
}

export interface DeadLetter {
  readonly group: string;
  readonly message: IntegrationMessage;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: Date;
}

/** How far an app's relay has read its own log: everything it means to publish up to here is in this batch or before. */
export interface RelayProgress {
  readonly app: string;
  readonly position: { readonly commit: bigint; readonly prepare: bigint };
}

/**
 * Where consumers say how far they have applied each source app's log (for
 * X-Read-After): `track` registers a consumer group's read of one source app and
 * returns the report to call with relay positions as they are applied.
 */
export interface SourceProgressSink {
  track(source: string, consumer: string): (position: RelayProgress['position']) => void;
}

/** The app whose relay publishes a contract: its name's first part (`applicants.applicant-registered.v1`). */
export const sourceAppOf = (topic: string) => topic.split('.')[0];

export interface IntegrationBus {
  /**
   * Idempotent by message id. Only the relay calls this, never request code.
   * A bus that keeps `progress` in order with the messages records it, so
   * consumers can tell they have applied everything published up to a source
   * position, even when the events there meant no message; others ignore it.
   */
  publish(messages: readonly IntegrationMessage[], progress?: RelayProgress): Promise<void>;
  consume(options: ConsumeOptions, handler: MessageHandler, many?: BatchHandler): Promise<Consumer>;
  deadLetters(group: string): Promise<DeadLetter[]>;
  /**
   * Whether `group` has applied every message of `topics` published before the call:
   * what a decision that reads a bus-fed read model waits for, so that it is made on
   * everything the other apps had said by then.
   */
  appliedAll(group: string, topics: readonly string[]): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
