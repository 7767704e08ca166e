import type { VersionConflictError } from './errors.js';

/**
 * Position in the global log. Lexicographic on (commit, prepare):
 * PostgreSQL uses (writing transaction xid8, row sequence), EventStoreDB its
 * (commit, prepare) positions, in-memory (index, index).
 */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: GlobalPosition = Object.freeze({ commit: -1n, prepare: -1n });

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `no_stream`: the stream must not exist; `stream_exists`: it must; a bigint: its last revision must be exactly this. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** Who caused it: a user id, or a job name for automated decisions. */
  readonly actor?: string | null;
  /**
   * Business time (ISO instant) when it was appended, from the app's Clock; the
   * store's `recordedAt` beside it is real time. Absent on events from before
   * the training clock: readers then take `recordedAt`.
   */
  readonly occurredAt?: string;
  /**
   * The Idempotency-Key of the request that appended it (scoped to caller and route):
   * a retry of that request answers from these events instead of deciding again.
   */
  readonly idempotencyKey?: string;
}

export interface NewEvent<T extends string = string, D = unknown> {
  readonly id: string;
  readonly type: T;
  readonly schemaVersion: number;
  readonly data: D;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<T extends string = string, D = unknown> extends NewEvent<T, D> {
  readonly streamId: string;
  /** 0 for the first event of a stream. */
  readonly revision: bigint;
  readonly position: GlobalPosition;
  readonly recordedAt: Date;
}

/** What a per-stream fold needs of an event. */
export type StreamEvent = Pick<RecordedEvent, 'streamId' | 'revision' | 'type' | 'data'>;

export interface AppendResult {
  /** The stream's last revision after the append. */
  readonly nextExpectedRevision: bigint;
  readonly position: GlobalPosition;
}

/** One stream's part of `appendEach`. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: NewEvent[];
  readonly expected: ExpectedRevision;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. */
  readonly after?: GlobalPosition;
  readonly limit?: number;
}

export interface Subscription {
  stop(): Promise<void>;
  /** Resolves once stopped; rejects with the handler's error, after which nothing more is delivered. */
  readonly done: Promise<void>;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint; START for the whole log. Never "end". */
  readonly from: GlobalPosition;
  readonly batchSize?: number;
}

export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface EventStore {
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * Appends to several streams, each with its own expectation, as `append` would
   * one by one: each lands or conflicts on its own (a conflict comes back in its
   * place, other errors reject). For commands that arrive together: a store may
   * write them in one round trip.
   */
  appendEach(appends: readonly StreamAppend[]): Promise<Array<AppendResult | VersionConflictError>>;
  /** Events of one stream in revision order; empty when the stream does not exist. */
  readStream(streamId: string, fromRevision?: bigint): Promise<RecordedEvent[]>;
  /**
   * Several streams at once, each in revision order; a stream that does not exist
   * maps to an empty list. `from` gives the first revision to read of some of
   * them, for a reader that already holds their beginning.
   */
  readStreams(streamIds: readonly string[], from?: ReadonlyMap<string, bigint>): Promise<Map<string, RecordedEvent[]>>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription: every event after `from`, in global order, then live ones. */
  subscribeToAll(options: SubscribeOptions, handler: BatchHandler): Subscription;
  /** Number of events in the log, for progress reports. */
  countEvents(): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
