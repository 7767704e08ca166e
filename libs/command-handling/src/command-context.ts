/** Who and what a command comes from; the envelope copies it into every event it appends. */
export interface CommandContext {
  /** The request (or job run, or message chain) the command belongs to. */
  readonly correlationId: string;
  /** What directly caused it: the triggering event's id for a consumer; defaults to the correlation id (the request itself). */
  readonly causationId?: string;
  /** A user id, or the name of the job or consumer that decided. */
  readonly actor: string;
  /** From If-Match: the revision the caller saw. With it a changed stream is 412, never retried. */
  readonly expectedRevision?: bigint;
  /**
   * The idempotency mark this command's events carry, for a command decided away
   * from its request (a batch runs in whichever request started it): taken in the
   * request with `idempotencyMarkFor`, null for none. Absent: the running request's.
   */
  readonly idempotencyMark?: string | null;
}
