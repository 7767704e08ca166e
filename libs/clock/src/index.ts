export { Clock } from './clock.port.js';
export { SystemClock } from './system.clock.js';
export { FixedClock } from './fixed.clock.js';
export { DAY_MS, TrainingClock } from './training.clock.js';
export { BusinessSchedule, type BusinessScheduleOptions } from './business-schedule.js';
