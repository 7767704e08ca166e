import { currentLogWrites, LogWrites, withLogWrites } from '@bostadsko/platform';

export interface BatcherOptions {
  /** Most requests one flush takes. */
  readonly maxBatch: number;
  /** Flushes in flight at once; requests arriving meanwhile wait for the next. */
  readonly maxConcurrent: number;
}

interface Pending<In, Out> {
  readonly input: In;
  readonly resolve: (output: Out) => void;
  readonly reject: (error: unknown) => void;
  /** The submitting request's writes: a flush runs in whichever request started it, so it notes its appends for all. */
  readonly writes: LogWrites | undefined;
}

/**
 * Group commit: requests that arrive while a flush is in flight go together in
 * the next one, so a burst shares its round trips. A lone request flushes at
 * once, so a quiet system waits for nothing. `flush` answers each input in its
 * place, with an Error for one that failed on its own; if it rejects, every
 * request in the batch fails with that error.
 */
export class Batcher<In, Out> {
  private readonly queue: Pending<In, Out>[] = [];
  private flushing = 0;

  constructor(
    private readonly flush: (inputs: In[]) => Promise<Array<Out | Error>>,
    private readonly options: BatcherOptions,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject, writes: currentLogWrites() });
      this.drain();
    });
  }

  private drain(): void {
    while (this.flushing < this.options.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.flushing++;
      const written = new LogWrites();
      withLogWrites(written, () => this.flush(batch.map((p) => p.input)))
        .finally(() => batch.forEach((p) => written.last && p.writes?.note(written.last)))
        .then(
          (outputs) => batch.forEach((p, i) => (outputs[i] instanceof Error ? p.reject(outputs[i]) : p.resolve(outputs[i] as Out))),
          (error: unknown) => batch.forEach((p) => p.reject(error)),
        )
        .finally(() => {
          this.flushing--;
          this.drain();
        });
    }
  }
}
