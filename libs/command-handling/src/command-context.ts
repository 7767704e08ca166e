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
}
