import 'reflect-metadata';
import { bootstrapApp } from '@bostadsko/platform';
import { ApplicantsModule } from './applicants.module.js';

await bootstrapApp({ module: ApplicantsModule });
