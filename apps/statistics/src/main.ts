import 'reflect-metadata';
import { bootstrapApp } from '@bostadsko/platform';
import { StatisticsModule } from './statistics.module.js';

await bootstrapApp({ module: StatisticsModule });
