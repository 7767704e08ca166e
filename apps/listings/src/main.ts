import 'reflect-metadata';
import { bootstrapApp } from '@bostadsko/platform';
import { ListingsModule } from './listings.module.js';

await bootstrapApp({ module: ListingsModule });
