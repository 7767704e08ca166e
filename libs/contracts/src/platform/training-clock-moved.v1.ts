import { defineContract, is } from '../contract.js';

/**
 * Outside production an administrator moved business time forward. Every app
 * (the owner, applicants, included) follows it. The offset is absolute, so a
 * redelivered or late message cannot move a clock twice or back.
 */
export interface TrainingClockMovedV1 {
  /** Whole days business time runs ahead of the wall clock. */
  readonly offsetDays: number;
  /** The business date the move was aimed at, for logs. */
  readonly businessDate: string;
}

export const TrainingClockMovedV1 = defineContract<TrainingClockMovedV1>('platform.training-clock-moved.v1', 1, {
  offsetDays: is.count,
  businessDate: is.isoDate,
});
