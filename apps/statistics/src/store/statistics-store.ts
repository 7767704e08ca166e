import type { BusProjection } from '@bostadsko/runtime';
import { APPLICATION_TOPICS, applicationsProjection } from './applications.projection.js';
import { LANDLORD_TOPICS, landlordsProjection } from './landlords.projection.js';
import { LETTING_TOPICS, lettingsProjection } from './lettings.projection.js';
import { LISTING_TOPICS, listingsProjection } from './listings.projection.js';
import { SEEKER_TOPICS, seekersProjection } from './seekers.projection.js';

/** The statistics store: each table fed by the topics it needs, each rebuildable on its own from the bus log. */
export const STATISTICS_STORE: readonly BusProjection[] = [
  { projection: seekersProjection, topics: SEEKER_TOPICS },
  { projection: applicationsProjection, topics: APPLICATION_TOPICS },
  { projection: lettingsProjection, topics: LETTING_TOPICS },
  { projection: listingsProjection, topics: LISTING_TOPICS },
  { projection: landlordsProjection, topics: LANDLORD_TOPICS },
];
