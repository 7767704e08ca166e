import 'reflect-metadata';
import { bootstrapApp } from '../../../libs/platform/src/index.js';
import { MessagesModule } from './messages.module.js';

await bootstrapApp({ module: MessagesModule });
