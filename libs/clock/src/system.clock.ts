import { Clock } from './clock.port.js';

/** The wall clock: production's business time. It never jumps. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }

  onJump(): () => void {
    return () => undefined;
  }
}
