import 'reflect-metadata';
import { bootstrapApp } from '@bostadsko/platform';
import { LandlordsModule } from './landlords.module.js';

await bootstrapApp({ module: LandlordsModule });
