import { Clock } from './clock.port.js';
import { Jumps } from './jumps.js';
import { SystemClock } from './system.clock.js';

export const DAY_MS = 86_400_000;

/**
 * Outside production: the wall clock plus a whole number of days, so a letting
 * can be walked through in minutes while times of day stay real. The offset only
 * grows: business time never runs backwards, so an event's business time never
 * precedes one written before it, and no deadline un-passes.
 */
export class TrainingClock extends Clock {
  private readonly jumps = new Jumps();
  private days = 0;

  constructor(private readonly base: Clock = new SystemClock()) {
    super();
  }

  get offsetDays(): number {
    return this.days;
  }

  now(): Date {
    return new Date(this.base.now().getTime() + this.days * DAY_MS);
  }

  /**
   * Takes an offset announced by the setting's owner. Offsets are absolute, so a
   * redelivered or late announcement is ignored rather than added twice.
   * Returns whether the clock moved.
   */
  moveTo(offsetDays: number): boolean {
    if (offsetDays <= this.days) return false;
    this.days = offsetDays;
    this.jumps.notify();
    return true;
  }

  onJump(listener: () => void): () => void {
    return this.jumps.add(listener);
  }
}
