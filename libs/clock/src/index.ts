export { Clock } from './clock.port.js';
export { SystemClock } from './system.clock.js';
export { DAY_MS, TrainingClock } from './training.clock.js';
export { BusinessSchedule } from './business-schedule.js';
