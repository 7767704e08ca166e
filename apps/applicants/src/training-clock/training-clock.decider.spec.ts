import { decide, evolve, initialTrainingClock, TrainingClockBackwards, type MoveTrainingClock } from './training-clock.decider.js';

const realToday = '2026-03-01';
const given = (...commands: MoveTrainingClock[]) => commands.reduce((s, c) => decide(c, s).reduce(evolve, s), initialTrainingClock);

describe('the training clock', () => {
  test('moves to a business date: the offset counts from the real date', () => {
    expect(decide({ realToday, movedBy: 'admin-1', to: '2026-03-15' }, initialTrainingClock)).toEqual([
      { type: 'training-clock-moved', data: { offsetDays: 14, businessDate: '2026-03-15', movedBy: 'admin-1' } },
    ]);
  });

  test('moves by days from where it stands', () => {
    const state = given({ realToday, movedBy: 'admin-1', days: 10 });
    expect(decide({ realToday: '2026-03-02', movedBy: 'admin-1', days: 5 }, state)[0].data).toMatchObject({ offsetDays: 15, businessDate: '2026-03-17' });
  });

  test('never moves back, nor stays put: the business date is in the refusal', () => {
    const state = given({ realToday, movedBy: 'admin-1', to: '2026-04-01' });
    expect(() => decide({ realToday, movedBy: 'admin-1', to: '2026-03-20' }, state)).toThrow(TrainingClockBackwards);
    expect(() => decide({ realToday, movedBy: 'admin-1', to: '2026-04-01' }, state)).toThrow('the business date is already 2026-04-01');
    expect(() => decide({ realToday, movedBy: 'admin-1', to: '2026-02-01' }, initialTrainingClock)).toThrow(TrainingClockBackwards);
  });
});
