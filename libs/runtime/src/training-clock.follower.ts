import type pg from 'pg';
import type { Consumer, IntegrationBus } from '@bostadsko/bus';
import type { TrainingClock } from '@bostadsko/clock';
import { TrainingClockMovedV1 } from '@bostadsko/contracts';
import type { Migration } from '@bostadsko/postgres';

/** The offset this app last applied, in its own database: apps never read the owner's tables. */
export const TRAINING_CLOCK_MIGRATIONS: readonly Migration[] = [
  {
    id: 'runtime/001-training-clock',
    sql: `CREATE TABLE platform.training_clock (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      offset_days integer NOT NULL
    )`,
  },
];

/** Before any job reads "today", so a restart does not decide a day in the past. */
export async function restoreTrainingClock(pool: pg.Pool, clock: TrainingClock): Promise<void> {
  const { rows } = await pool.query<{ offset_days: number }>('SELECT offset_days FROM platform.training_clock');
  if (rows[0]) clock.moveTo(rows[0].offset_days);
}

/**
 * Follows the owner's moves of the one shared setting (applicants publishes
 * platform.training-clock-moved.v1) within the bus's polling delay.
 */
export function followTrainingClock(app: string, bus: IntegrationBus, clock: TrainingClock): Promise<Consumer> {
  return bus.consume({ group: `${app}.training-clock`, topics: [TrainingClockMovedV1.type] }, async (message, tx) => {
    const { offsetDays } = TrainingClockMovedV1.parse(message.payload);
    await tx.query(
      `INSERT INTO platform.training_clock (offset_days) VALUES ($1)
       ON CONFLICT (singleton) DO UPDATE SET offset_days = GREATEST(platform.training_clock.offset_days, EXCLUDED.offset_days)`,
      [offsetDays],
    );
    // Before the commit, harmlessly: should it fail, the redelivery carries the same absolute offset, which moves nothing.
    clock.moveTo(offsetDays);
  });
}
