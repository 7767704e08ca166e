import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import type { BusProjection } from '@bostadsko/runtime';
import { applicationsProjection } from './applications/applications.projection.js';
import { LISTINGS_MIGRATIONS } from './listings.migrations.js';
import { rankingProjection } from './ranking/ranking.projection.js';
import { LANDLORD_USER_TOPICS, landlordUsersProjection } from './read-models/landlord-users.projection.js';
import { LANDLORD_TOPICS, landlordsProjection } from './read-models/landlords.projection.js';
import { SEEKER_TOPICS, seekersProjection } from './read-models/seekers.projection.js';
import { listingsProjection } from './search/listings.projection.js';

export const listingsMigrations = [...PERSONAL_DATA_MIGRATIONS, ...LISTINGS_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS];

/** Read models of this app's own log. */
export const LISTING_PROJECTIONS = [listingsProjection, applicationsProjection, rankingProjection];

/** Read models of other apps' integration events. */
export const LISTING_BUS_PROJECTIONS: BusProjection[] = [
  { projection: seekersProjection, topics: SEEKER_TOPICS },
  { projection: landlordsProjection, topics: LANDLORD_TOPICS },
  { projection: landlordUsersProjection, topics: LANDLORD_USER_TOPICS },
];
