import { applicantsRebuildTargets } from '../apps/applicants/src/applicants.rebuild.js';
import { APPLICANTS_WIRING } from '../apps/applicants/src/applicants.wiring.js';
import { landlordsRebuildTargets } from '../apps/landlords/src/landlords.rebuild.js';
import { LANDLORDS_WIRING } from '../apps/landlords/src/landlords.wiring.js';
import { listingsRebuildTargets } from '../apps/listings/src/listings.rebuild.js';
import { LISTINGS_WIRING } from '../apps/listings/src/listings.wiring.js';
import { messagesRebuildTargets } from '../apps/messages/src/messages.rebuild.js';
import { MESSAGES_WIRING } from '../apps/messages/src/messages.wiring.js';
import { statisticsRebuildTargets } from '../apps/statistics/src/statistics.rebuild.js';
import { STATISTICS_WIRING } from '../apps/statistics/src/statistics.wiring.js';
import type { Migration } from '@bostadsko/postgres';
import type { RebuildTargets } from '@bostadsko/runtime';
import type { AppName } from './single-node.js';

export const rebuildTargets: Record<AppName, RebuildTargets> = {
  applicants: applicantsRebuildTargets,
  listings: listingsRebuildTargets,
  landlords: landlordsRebuildTargets,
  statistics: statisticsRebuildTargets,
  messages: messagesRebuildTargets,
};

/** The schema each app's rebuild runs in: the app's own migrations, as its module applies them. */
export const appMigrations: Record<AppName, readonly Migration[] | undefined> = {
  applicants: APPLICANTS_WIRING.migrations,
  landlords: LANDLORDS_WIRING.migrations,
  listings: LISTINGS_WIRING.migrations,
  messages: MESSAGES_WIRING.migrations,
  statistics: STATISTICS_WIRING.migrations,
};
