import { ContractViolation } from '../contract.js';
import { TrainingClockMovedV1 } from './training-clock-moved.v1.js';

describe('platform.training-clock-moved.v1', () => {
  test('carries an absolute offset in whole days and the business date it aimed at', () => {
    expect(TrainingClockMovedV1.parse({ offsetDays: 14, businessDate: '2026-03-15' })).toEqual({ offsetDays: 14, businessDate: '2026-03-15' });
  });

  test('a fractional or negative offset is a dead letter, not a clock moved back', () => {
    expect(() => TrainingClockMovedV1.parse({ offsetDays: -1, businessDate: '2026-03-15' })).toThrow(ContractViolation);
    expect(() => TrainingClockMovedV1.parse({ offsetDays: 1.5, businessDate: '2026-03-15' })).toThrow(ContractViolation);
  });
});
