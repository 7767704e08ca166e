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
import type { AppWiring, RebuildTargets } from '@bostadsko/runtime';
import type { AppName } from './single-node.js';

export const rebuildTargets: Record<AppName, RebuildTargets> = {
  applicants: applicantsRebuildTargets,
  listings: listingsRebuildTargets,
  landlords: landlordsRebuildTargets,
  statistics: statisticsRebuildTargets,
  messages: messagesRebuildTargets,
};

/** Each app's wiring, for the tools that work on its log as the app would: its migrations, its relay's mapping. */
export const appWirings: Record<AppName, AppWiring> = {
  applicants: APPLICANTS_WIRING,
  landlords: LANDLORDS_WIRING,
  listings: LISTINGS_WIRING,
  messages: MESSAGES_WIRING,
  statistics: STATISTICS_WIRING,
};

/** The schema each app's rebuild runs in: the app's own migrations, as its module applies them. */
export const appMigrations = Object.fromEntries(Object.entries(appWirings).map(([app, wiring]) => [app, wiring.migrations])) as Record<AppName, readonly Migration[] | undefined>;
