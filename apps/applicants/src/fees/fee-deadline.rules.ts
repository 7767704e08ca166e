import { addBankingDays, addDays, type IsoDate } from '@bostadsko/calendar';

/** Both in force on the notice's due date: a later policy change never moves a notice's deadline. */
export interface FeeDeadlinePolicy {
  readonly graceDays: number;
  readonly settlementBankingDays: number;
}

/** The last value date that keeps the account: the due date plus the days of grace. */
export const lastPayDay = (dueDate: IsoDate, policy: FeeDeadlinePolicy): IsoDate => addDays(dueDate, policy.graceDays);

/**
 * The first day an unpaid fee deregisters the account: the day after the settlement period,
 * which is that many Swedish banking days after the last pay day. A payment made on the last
 * pay day reaches us in a bank file by then, so deciding earlier would punish the bank's delay.
 */
export const deregistrationDay = (dueDate: IsoDate, policy: FeeDeadlinePolicy): IsoDate => addDays(addBankingDays(lastPayDay(dueDate, policy), policy.settlementBankingDays), 1);
