import type pg from 'pg';
import { queueDaysOn, type ApplicantState } from '../applicant/applicant.decider.js';
import type { IsoDate } from '@bostadsko/calendar';

export interface QueueStanding {
  readonly applicantId: string;
  readonly asOf: IsoDate;
  readonly status: 'active' | 'deregistered' | 'closed';
  readonly queueStartDate: IsoDate | null;
  readonly queueDays: number;
}

/** From the queue-time projection: the standing on any date, past or today. */
export async function queueStanding(pool: pg.Pool, applicantId: string, asOf: IsoDate): Promise<QueueStanding | undefined> {
  const { rows } = await pool.query<{ state: ApplicantState }>('SELECT state FROM applicants.queue_time WHERE applicant_id = $1', [applicantId]);
  const state = rows[0]?.state;
  if (!state || state.status === 'none') return undefined;
  const period = [...state.periods].reverse().find((p) => p.from <= asOf);
  return {
    applicantId,
    asOf,
    status: period?.status ?? 'active',
    queueStartDate: period ? period.queueStartDate : null,
    queueDays: queueDaysOn(state.periods, asOf),
  };
}
