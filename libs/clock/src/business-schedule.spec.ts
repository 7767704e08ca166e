import { BusinessSchedule } from './business-schedule.js';
import { FixedClock } from './fixed.clock.js';
import { TrainingClock } from './training.clock.js';

const HOUR = 3_600_000;

/** A job whose runs the test finishes one by one, recording the business date each run read. */
function controlledJob(clock: TrainingClock) {
  const seen: string[] = [];
  const pending: Array<() => void> = [];
  let started: () => void = () => undefined;
  const run = () => {
    seen.push(clock.now().toISOString().slice(0, 10));
    started();
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  const nextStart = () => new Promise<void>((resolve) => (started = resolve));
  return { seen, pending, run, nextStart };
}

describe('BusinessSchedule', () => {
  const clock = () => new TrainingClock(new FixedClock(new Date('2026-03-01T10:00:00Z')));

  test('a jump of business time runs the job at once, with the new date', async () => {
    const training = clock();
    const job = controlledJob(training);
    const schedule = new BusinessSchedule({ clock: training, everyMs: HOUR, run: job.run, onError: () => undefined });
    schedule.start();
    const started = job.nextStart();
    training.moveTo(14);
    await started;
    expect(job.seen).toEqual(['2026-03-15']);
    job.pending.shift()!();
    await schedule.stop();
  });

  test('a jump during a run is kept for one more run after it; further jumps meanwhile make no extra runs', async () => {
    const training = clock();
    const job = controlledJob(training);
    const schedule = new BusinessSchedule({ clock: training, everyMs: HOUR, run: job.run, onError: () => undefined });
    schedule.start();
    let started = job.nextStart();
    training.moveTo(1);
    await started;
    training.moveTo(2);
    training.moveTo(3);
    started = job.nextStart();
    job.pending.shift()!();
    await started;
    expect(job.seen).toEqual(['2026-03-02', '2026-03-04']);
    job.pending.shift()!();
    await schedule.stop();
    expect(job.pending).toEqual([]);
  });

  test('a failed run is reported and the next jump runs again', async () => {
    const training = clock();
    const errors: string[] = [];
    let runs = 0;
    let ran: () => void = () => undefined;
    const schedule = new BusinessSchedule({
      clock: training,
      everyMs: HOUR,
      run: async () => {
        runs++;
        ran();
        throw new Error('database down');
      },
      onError: (error) => errors.push(error.message),
    });
    schedule.start();
    const first = new Promise<void>((resolve) => (ran = resolve));
    training.moveTo(1);
    await first;
    const second = new Promise<void>((resolve) => (ran = resolve));
    training.moveTo(2);
    await second;
    await schedule.stop();
    expect(errors).toEqual(['database down', 'database down']);
    expect(runs).toBe(2);
  });

  test('an interval of 0 turns the schedule off, jumps included', async () => {
    const training = clock();
    let runs = 0;
    const schedule = new BusinessSchedule({ clock: training, everyMs: 0, atStart: true, run: async () => runs++, onError: () => undefined });
    schedule.start();
    training.moveTo(30);
    await new Promise((resolve) => setImmediate(resolve));
    await schedule.stop();
    expect(runs).toBe(0);
  });
});
