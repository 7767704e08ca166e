import 'reflect-metadata';
import { bootstrapApp } from '../../../libs/platform/src/index.js';
import { StatisticsModule } from './statistics.module.js';

await bootstrapApp({ module: StatisticsModule });
