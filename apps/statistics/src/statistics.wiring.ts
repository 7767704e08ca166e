import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import type { AppWiring } from '@bostadsko/runtime';
import { STATISTICS_STORE } from './store/statistics-store.js';

/** What the app runs beside its requests; the module starts it, `npm run rebuild -- statistics …` replays the store from the bus. */
export const STATISTICS_WIRING: AppWiring = {
  app: 'statistics',
  // Personal-data keys only for the access log's sealed reasons: the reports themselves seal nothing.
  migrations: [...PERSONAL_DATA_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS],
  busProjections: STATISTICS_STORE,
};
