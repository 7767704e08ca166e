import type { ExpectedRevision } from '../event-store.port.js';

const COLUMNS = `INSERT INTO es.events (stream_id, revision, event_id, type, schema_version, data, metadata)
  SELECT $1, base.revision + e.ord, e.id, e.type, e.schema_version, e.data, e.metadata`;

const MANY_EVENTS = `unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])
  WITH ORDINALITY AS e(id, type, schema_version, data, metadata, ord)`;

/** The common single-event commit binds plain values: no array literals for the server to parse. */
const ONE_EVENT = `(SELECT $3::uuid, $4::text, $5::int, $6::jsonb, $7::jsonb, 1::bigint)
  AS e(id, type, schema_version, data, metadata, ord)`;

const RETURNING = 'RETURNING position, transaction_id::text, revision';

const currentRevision = '(SELECT max(revision) AS revision FROM es.events WHERE stream_id = $1)';

/**
 * One statement per append, so a single-event commit costs one round trip.
 * Revisions are computed from the expectation; the unique (stream_id, revision)
 * constraint turns any race into a conflict instead of a lost write. An exact
 * expectation also requires that revision to exist, which catches "ahead of the stream".
 */
export function appendSql(expected: ExpectedRevision, single = false): string {
  const EVENTS = single ? ONE_EVENT : MANY_EVENTS;
  switch (expected) {
    case 'no_stream':
      return `${COLUMNS} FROM (SELECT -1::bigint AS revision, $2::bigint AS unused) base, ${EVENTS} ${RETURNING}`;
    case 'any':
      return `${COLUMNS} FROM (SELECT coalesce(c.revision, -1) AS revision, $2::bigint AS unused FROM ${currentRevision} c) base, ${EVENTS} ${RETURNING}`;
    case 'stream_exists':
      return `${COLUMNS} FROM (SELECT c.revision, $2::bigint AS unused FROM ${currentRevision} c WHERE c.revision IS NOT NULL) base, ${EVENTS} ${RETURNING}`;
    default:
      return `${COLUMNS} FROM (SELECT $2::bigint AS revision) base, ${EVENTS}
        WHERE EXISTS (SELECT 1 FROM es.events WHERE stream_id = $1 AND revision = $2::bigint) ${RETURNING}`;
  }
}

/** One event of an append of several streams, as an element of APPEND_EACH_SQL's JSON array. */
export interface AppendRow {
  readonly stream: string;
  /** The stream's last revision, or -1 for "no stream yet". */
  readonly expected: string;
  /** The event's place within its stream's append: 1, 2, … */
  readonly offset: number;
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * Several streams in one statement, one row per event. The events come as one
 * JSON array: one JSON.stringify, instead of escaping every value into eight array
 * literals. A stream whose expected revision does not exist gets no rows; a stream
 * already past it, or existing when it should not, fails the whole statement on
 * the unique (stream_id, revision).
 */
export const APPEND_EACH_SQL = `INSERT INTO es.events (stream_id, revision, event_id, type, schema_version, data, metadata)
  SELECT e.stream, e.expected + e.offset, e.id, e.type, e.version, e.data, e.metadata
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (stream text, expected bigint, "offset" int, id uuid, type text, version int, data jsonb, metadata jsonb))
    WITH ORDINALITY AS e(stream, expected, "offset", id, type, version, data, metadata, ord)
  WHERE e.expected = -1 OR EXISTS (SELECT 1 FROM es.events x WHERE x.stream_id = e.stream AND x.revision = e.expected)
  ORDER BY e.ord
  RETURNING stream_id, position, transaction_id::text, revision`;
