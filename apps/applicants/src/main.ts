import 'reflect-metadata';
import { bootstrapApp } from '../../../libs/platform/src/index.js';
import { ApplicantsModule } from './applicants.module.js';

await bootstrapApp({ module: ApplicantsModule });
