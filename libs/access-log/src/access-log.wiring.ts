import type { Provider } from '@nestjs/common';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { AccessLog } from './access-log.js';
import { AccessLogErasureOnClose } from './erasure-on-close.consumer.js';
import { StaffReadInterceptor, StaffSearchInterceptor } from './staff-read.js';

/**
 * The providers an app adds to log staff reads of its data; the app's migrations
 * include ACCESS_LOG_MIGRATIONS. `erasesOnClose` for apps that do not already
 * destroy a seeker's key when the account closes.
 */
export const accessLogProviders = (app: string, options: { readonly erasesOnClose?: boolean } = {}): Provider[] => [
  { provide: AccessLog, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new AccessLog(app, infra.pool, new PersonalDataVault(infra.pool)) },
  StaffReadInterceptor,
  StaffSearchInterceptor,
  ...(options.erasesOnClose ? [{ provide: AccessLogErasureOnClose, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new AccessLogErasureOnClose(app, infra) }] : []),
];
