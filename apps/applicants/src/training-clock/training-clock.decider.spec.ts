import { deciderSpecification } from '@bostadsko/testing';
import { decide, evolve, initialTrainingClock, TrainingClockBackwards, type TrainingClockMoved } from './training-clock.decider.js';

const given = deciderSpecification({ decide, evolve, initialState: initialTrainingClock });

const realToday = '2026-03-01';
const moved = (offsetDays: number, businessDate: string): TrainingClockMoved => ({ type: 'training-clock-moved', data: { offsetDays, businessDate, movedBy: 'admin-1' } });

describe('the training clock', () => {
  test('moves to a business date: the offset counts from the real date', () => {
    given()
      .when({ realToday, movedBy: 'admin-1', to: '2026-03-15' })
      .then([moved(14, '2026-03-15')]);
  });

  test('moves by days from where it stands', () => {
    given([moved(10, '2026-03-11')])
      .when({ realToday: '2026-03-02', movedBy: 'admin-1', days: 5 })
      .then([moved(15, '2026-03-17')]);
  });

  test('never moves back, nor stays put: the business date is in the refusal', () => {
    const movedToApril = moved(31, '2026-04-01');
    given([movedToApril]).when({ realToday, movedBy: 'admin-1', to: '2026-03-20' }).thenThrows(TrainingClockBackwards);
    given([movedToApril])
      .when({ realToday, movedBy: 'admin-1', to: '2026-04-01' })
      .thenThrows(TrainingClockBackwards, { message: expect.stringContaining('the business date is already 2026-04-01'), extensions: { businessDate: '2026-04-01' } });
    given().when({ realToday, movedBy: 'admin-1', to: '2026-02-01' }).thenThrows(TrainingClockBackwards);
  });
});
