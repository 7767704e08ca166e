import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import { deliveriesProjection } from './delivery/deliveries.projection.js';
import { inboxProjection } from './inbox/inbox.projection.js';
import { peopleProjection } from './people/people.projection.js';

export const MESSAGES_MIGRATIONS = [
  ...PERSONAL_DATA_MIGRATIONS,
  ...ACCESS_LOG_MIGRATIONS,
  {
    id: 'messages/001-schema',
    // What the triggers consumer keeps from other apps to write a message: the flat of a listing, the applicant of a proposal.
    sql: `
      CREATE SCHEMA IF NOT EXISTS messages;
      CREATE TABLE messages.flats (listing_id uuid PRIMARY KEY, facts jsonb NOT NULL);
      CREATE TABLE messages.proposals (proposal_id uuid PRIMARY KEY, applicant_id uuid NOT NULL);`,
  },
];

/** The inbox and the people can be rebuilt from the log; the outbox is left out of rebuilds (deliveries.projection.ts says why). */
export const MESSAGES_REBUILDABLE = [inboxProjection, peopleProjection];
export const MESSAGES_PROJECTIONS = [...MESSAGES_REBUILDABLE, deliveriesProjection];
