import 'reflect-metadata';
import { bootstrapApp } from '@bostadsko/platform';
import { MessagesModule } from './messages.module.js';

await bootstrapApp({ module: MessagesModule });
