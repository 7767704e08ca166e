import type { Provider } from '@nestjs/common';
import { Clock, SystemClock, TrainingClock } from '@bostadsko/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config.js';

/** One clock per app: the wall clock in production, the training clock otherwise (moved by the training-clock follower). */
export const clockProvider: Provider = {
  provide: Clock,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PlatformConfig): Clock => (config.RUN_MODE === 'training' ? new TrainingClock() : new SystemClock()),
};
