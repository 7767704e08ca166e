import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import type { BusProjection } from '@bostadsko/runtime';
import { casesProjection } from './cases/cases.projection.js';
import { landlordListingsProjection, LISTING_TOPICS } from './listings/landlord-listings.projection.js';
import { PROPOSAL_TOPICS, proposalsProjection } from './listings/proposals.projection.js';
import { organisationsProjection } from './organisation/organisations.projection.js';

export const LANDLORDS_MIGRATIONS = [...PERSONAL_DATA_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS];
export const LANDLORDS_PROJECTIONS = [organisationsProjection, casesProjection];
export const LANDLORDS_BUS_PROJECTIONS: readonly BusProjection[] = [
  { projection: landlordListingsProjection, topics: LISTING_TOPICS },
  { projection: proposalsProjection, topics: PROPOSAL_TOPICS },
];
