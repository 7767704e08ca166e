import { Clock } from './clock.port.js';
import { Jumps } from './jumps.js';

/** Time that stands still until a test sets it: deterministic deadlines without waiting. */
export class FixedClock extends Clock {
  private readonly jumps = new Jumps();

  constructor(private at: Date) {
    super();
  }

  now(): Date {
    return new Date(this.at);
  }

  /** Moving forward notifies as a training move would; moving back does not, as nothing falls due. */
  set(at: Date): void {
    const forward = at > this.at;
    this.at = new Date(at);
    if (forward) this.jumps.notify();
  }

  onJump(listener: () => void): () => void {
    return this.jumps.add(listener);
  }
}
