import type { Tx } from '@bostadsko/bus';
import type { StreamEvent } from '@bostadsko/event-store';
import type { Position } from '@bostadsko/postgres';

/**
 * A read model that can be dropped and rebuilt from a log. `apply` must be
 * idempotent (guard rows by stream revision or message id): the rebuild's swap and
 * a live runner may both see the same tail of the log.
 */
export interface Projection<T> {
  readonly name: string;
  /** Schema-qualified live table, e.g. `applicants.queue_time`. */
  readonly table: string;
  /** For projections whose rows each fold one stream: how a rebuild writes them in bulk. */
  readonly perStream?: PerStreamRows;
  createTable(tx: Tx, table: string): Promise<void>;
  apply(tx: Tx, table: string, items: readonly T[]): Promise<void>;
}

/**
 * A rebuild of such a projection reads the log stream by stream (final up to a
 * head position) and writes each row once with COPY, instead of reading,
 * folding and upserting rows batch by batch in log order.
 */
export interface PerStreamRows {
  /** Only streams whose id starts with this. */
  readonly streamPrefix: string;
  /** The table's columns in the order `row` returns them. */
  readonly columns: readonly string[];
  /** The row folded from all of one stream's events up to the head, in order; undefined when the stream makes no row. */
  row(events: readonly StreamEvent[]): readonly (string | number | bigint | null)[] | undefined;
}

export interface Positioned<T> {
  readonly position: Position;
  readonly item: T;
}

/** Where a projection's history comes from: the app's event log or the bus log. */
export interface ProjectionSource<T> {
  read(after: Position | undefined, limit: number): Promise<Positioned<T>[]>;
  count(): Promise<number>;
  /** For per-stream projections: the log up to `head`, in (stream, revision) order. */
  readonly byStream?: {
    head(): Promise<Position | undefined>;
    copy(upTo: Position, streamPrefix: string, onEvent: (event: StreamEvent) => Promise<void> | void): Promise<void>;
  };
}
