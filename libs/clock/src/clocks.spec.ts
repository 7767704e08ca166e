import { FixedClock } from './fixed.clock.js';
import { SystemClock } from './system.clock.js';
import { DAY_MS, TrainingClock } from './training.clock.js';

const at = new Date('2026-03-01T10:00:00Z');

describe('clocks', () => {
  test('the system clock tells the wall clock and never jumps', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  test('a fixed clock stands still; setting it forward notifies, back does not', () => {
    const clock = new FixedClock(at);
    const jumps: number[] = [];
    clock.onJump(() => jumps.push(clock.now().getTime()));
    expect(clock.now()).toEqual(at);
    clock.set(new Date('2026-03-05T10:00:00Z'));
    clock.set(new Date('2026-03-02T10:00:00Z'));
    expect(jumps).toEqual([Date.parse('2026-03-05T10:00:00Z')]);
    expect(clock.now()).toEqual(new Date('2026-03-02T10:00:00Z'));
  });

  test('the training clock is its base plus whole days, keeping the time of day', () => {
    const base = new FixedClock(at);
    const clock = new TrainingClock(base);
    expect(clock.now()).toEqual(at);
    expect(clock.moveTo(14)).toBe(true);
    expect(clock.offsetDays).toBe(14);
    expect(clock.now()).toEqual(new Date('2026-03-15T10:00:00Z'));
    base.set(new Date(at.getTime() + 3_600_000));
    expect(clock.now().getTime()).toBe(at.getTime() + 3_600_000 + 14 * DAY_MS);
  });

  test('the training clock only moves forward: a stale or repeated offset is ignored and notifies no one', () => {
    const clock = new TrainingClock(new FixedClock(at));
    let jumps = 0;
    const stop = clock.onJump(() => jumps++);
    clock.moveTo(10);
    expect(clock.moveTo(10)).toBe(false);
    expect(clock.moveTo(3)).toBe(false);
    expect(clock.offsetDays).toBe(10);
    expect(jumps).toBe(1);
    stop();
    clock.moveTo(11);
    expect(jumps).toBe(1);
  });
});
