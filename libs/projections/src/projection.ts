import type { Tx } from '../../bus/src/bus.port.js';
import type { Position } from '../../postgres/src/checkpoints.js';

/**
 * A read model that can be dropped and rebuilt from a log. `apply` must be
 * idempotent (guard rows by stream revision or message id): the rebuild's swap and
 * a live runner may both see the same tail of the log.
 */
export interface Projection<T> {
  readonly name: string;
  /** Schema-qualified live table, e.g. `applicants.queue_time`. */
  readonly table: string;
  /**
   * True when each row depends on one stream's events only: a rebuild may then
   * read the log stream by stream, so each row is written about once.
   */
  readonly perStream?: boolean;
  createTable(tx: Tx, table: string): Promise<void>;
  apply(tx: Tx, table: string, items: readonly T[]): Promise<void>;
}

export interface Positioned<T> {
  readonly position: Position;
  readonly item: T;
}

/** Where a projection's history comes from: the app's event log or the bus log. */
export interface ProjectionSource<T> {
  read(after: Position | undefined, limit: number): Promise<Positioned<T>[]>;
  count(): Promise<number>;
  /** For per-stream projections: the log up to `head`, in stream order, so a rebuild writes each row once. */
  readonly byStream?: {
    head(): Promise<Position | undefined>;
    read(upTo: Position, after: StreamCursor | undefined, limit: number): Promise<{ items: T[]; cursor: StreamCursor | undefined }>;
  };
}

export interface StreamCursor {
  readonly streamId: string;
  readonly revision: bigint;
}
