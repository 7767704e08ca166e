import 'reflect-metadata';
import { bootstrapApp } from '../../../libs/platform/src/index.js';
import { LandlordsModule } from './landlords.module.js';

await bootstrapApp({ module: LandlordsModule });
