import { addDays, daysBetween, type IsoDate } from '@bostadsko/calendar';
import { DomainRuleViolation } from '@bostadsko/errors';

/** The one shared setting of every app's business time; owned here, followed by all apps over the bus. */
export const TRAINING_CLOCK_STREAM = 'training-clock';

export interface TrainingClockMoved {
  readonly type: 'training-clock-moved';
  readonly data: { readonly offsetDays: number; readonly businessDate: IsoDate; readonly movedBy: string };
}

export interface TrainingClockState {
  readonly offsetDays: number;
}

export const initialTrainingClock: TrainingClockState = { offsetDays: 0 };

/** To a business date, or by a number of days; `realToday` is the wall clock's Stockholm date the offset counts from. */
export type MoveTrainingClock = { readonly realToday: IsoDate; readonly movedBy: string } & ({ readonly to: IsoDate } | { readonly days: number });

export class TrainingClockBackwards extends DomainRuleViolation {
  constructor(businessDate: IsoDate) {
    super(`The training clock only moves forward: the business date is already ${businessDate}`, {
      type: 'https://bostadsko.se/problems/training-clock-backwards',
      extensions: { businessDate },
    });
  }
}

export function decide(command: MoveTrainingClock, state: TrainingClockState): TrainingClockMoved[] {
  const offsetDays = 'days' in command ? state.offsetDays + command.days : daysBetween(command.realToday, command.to);
  // Deadlines that passed must stay passed, and events' business times must keep their order.
  if (offsetDays <= state.offsetDays) throw new TrainingClockBackwards(addDays(command.realToday, state.offsetDays));
  return [{ type: 'training-clock-moved', data: { offsetDays, businessDate: addDays(command.realToday, offsetDays), movedBy: command.movedBy } }];
}

export function evolve(_state: TrainingClockState, event: TrainingClockMoved): TrainingClockState {
  return { offsetDays: event.data.offsetDays };
}
