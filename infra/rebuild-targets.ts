import { applicantsMigrations, applicantsRebuildTargets } from '../apps/applicants/src/applicants.rebuild.js';
import { landlordsMigrations, landlordsRebuildTargets } from '../apps/landlords/src/landlords.rebuild.js';
import { listingsMigrations, listingsRebuildTargets } from '../apps/listings/src/listings.rebuild.js';
import { messagesMigrations, messagesRebuildTargets } from '../apps/messages/src/messages.rebuild.js';
import { statisticsRebuildTargets } from '../apps/statistics/src/statistics.rebuild.js';
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

export const appMigrations: Partial<Record<AppName, readonly Migration[]>> = {
  applicants: applicantsMigrations,
  landlords: landlordsMigrations,
  listings: listingsMigrations,
  messages: messagesMigrations,
};
