/**
 * Business time: what deadlines, the close, fee due dates and "today" are
 * measured against. An abstract class so Nest can inject it by type. Real-time
 * needs (timeouts, metrics, log timings) use Date.now() directly.
 */
export abstract class Clock {
  abstract now(): Date;
  /**
   * Calls `listener` after business time jumped forward (the training clock was
   * moved), so jobs run the work that just fell due instead of waiting for their
   * next interval. Returns the unsubscribe.
   */
  abstract onJump(listener: () => void): () => void;
}
