import 'reflect-metadata';
import { bootstrapApp } from '../../../libs/platform/src/index.js';
import { ListingsModule } from './listings.module.js';

await bootstrapApp({ module: ListingsModule });
