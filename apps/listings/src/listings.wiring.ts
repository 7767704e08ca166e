import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import { PersonalDataVault } from '@bostadsko/personal-data';
import type { AppWiring } from '@bostadsko/runtime';
import { composeMappers, listingIntegrationMessages } from './integration/listings.integration.js';
import { lettingIntegrationMessages } from './letting/letting.integration.js';
import { lettingParticipantsProjection } from './letting/letting-participants.projection.js';
import { LettingJobScheduler } from './letting/letting.jobs.js';
import { LettingFollowUpRunner } from './letting/letting.follow-up.runner.js';
import { CloseJobScheduler } from './ranking/close-job.scheduler.js';
import { LifecycleConsumer } from './read-models/seeker-lifecycle.consumer.js';
import { applicationsProjection } from './applications/applications.projection.js';
import { LISTINGS_MIGRATIONS } from './listings.migrations.js';
import { rankingProjection } from './ranking/ranking.projection.js';
import { LANDLORD_USER_TOPICS, landlordUsersProjection } from './read-models/landlord-users.projection.js';
import { LANDLORD_TOPICS, landlordsProjection } from './read-models/landlords.projection.js';
import { SEEKER_TOPICS, seekersProjection } from './read-models/seekers.projection.js';
import { listingsProjection } from './search/listings.projection.js';

const listingsMigrations = [...PERSONAL_DATA_MIGRATIONS, ...LISTINGS_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS];

/** What the app runs beside its requests; the module starts it, `npm run rebuild -- listings …` replays its read models. */
export const LISTINGS_WIRING: AppWiring = {
  app: 'listings',
  migrations: listingsMigrations,
  integration: (infra) => composeMappers(listingIntegrationMessages, lettingIntegrationMessages(new PersonalDataVault(infra.pool))),
  projections: [listingsProjection, applicationsProjection, rankingProjection, lettingParticipantsProjection],
  // Read models of other apps' integration events.
  busProjections: [
    { projection: seekersProjection, topics: SEEKER_TOPICS },
    { projection: landlordsProjection, topics: LANDLORD_TOPICS },
    { projection: landlordUsersProjection, topics: LANDLORD_USER_TOPICS },
  ],
  consumers: [LifecycleConsumer, LettingFollowUpRunner],
  jobs: [CloseJobScheduler, LettingJobScheduler],
};
