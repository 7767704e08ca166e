import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOn } from '@bostadsko/postgres';
import { INFRASTRUCTURE } from './event-sourcing.module.js';
import type { Infrastructure } from './infrastructure.js';

/**
 * The app's read models for TypeORM repositories, injected as `DataSource`: over the
 * app's own pool, made once its migrations have run. Not `@nestjs/typeorm`: its module
 * destroys the data source on shutdown, which would end the shared pool, one the
 * platform module ends too.
 */
export function readModelsProvider(entities: readonly Function[]): Provider {
  return { provide: DataSource, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => dataSourceOn(infra.pool, { entities: [...entities] }) };
}
