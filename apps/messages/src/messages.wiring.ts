import { ACCESS_LOG_MIGRATIONS } from '@bostadsko/access-log';
import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import type { AppWiring } from '@bostadsko/runtime';
import { AlertWorker } from './alerts/alert.worker.js';
import { DeliveryWorker } from './delivery/delivery.worker.js';
import { ReminderWorker } from './reminders/reminder.worker.js';
import { TriggersConsumer } from './triggers/triggers.consumer.js';
import { deliveriesProjection } from './delivery/deliveries.projection.js';
import { inboxProjection } from './inbox/inbox.projection.js';
import { peopleProjection } from './people/people.projection.js';
import { savedSearchesProjection } from './saved-searches/saved-searches.projection.js';
import { threadsProjection } from './threads/threads.projection.js';
import { seekersBusProjection } from './alerts/seekers.projection.js';

const MESSAGES_MIGRATIONS = [
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
  {
    id: 'messages/002-saved-search-alerts',
    // The seekers' birth years (from applicants' registrations) for the age range of a listing, and the alert queue.
    // A listing is matched once (matched_listings, in the same transaction as its alerts), so a redelivered event
    // queues nothing; within it one alert per seeker, kept as one row per listing and due time holding the seekers'
    // ids, so queueing ten thousand alerts writes a few rows, not ten thousand index entries. The alert worker claims
    // due rows for a round, records one message per seeker with an id derived from the round, then deletes the rows:
    // a crash in between records the same message ids again, which the inbox keeps once.
    sql: `
      CREATE TABLE messages.seekers (applicant_id uuid PRIMARY KEY, birth_year int);
      CREATE TABLE messages.matched_listings (listing_id uuid PRIMARY KEY, matched_at timestamptz NOT NULL, alerts int NOT NULL);
      CREATE TABLE messages.alert_batches (
        batch_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        listing_id uuid NOT NULL,
        daily boolean NOT NULL,
        due_at timestamptz NOT NULL,
        applicants uuid[] NOT NULL,
        round_id uuid);
      CREATE INDEX ON messages.alert_batches (due_at) WHERE round_id IS NULL;
      CREATE INDEX ON messages.alert_batches (round_id) WHERE round_id IS NOT NULL;
      ALTER TABLE IF EXISTS messages.people ADD COLUMN IF NOT EXISTS digest_time text NOT NULL DEFAULT '07:00';
      ALTER TABLE IF EXISTS messages.people ADD COLUMN IF NOT EXISTS email_off text[] NOT NULL DEFAULT '{}';
      -- The first digest time after an instant, on the Stockholm wall clock (so across a change to or from summer time too).
      -- One expression, so the planner inlines it into the matching INSERT instead of calling it for every alert.
      CREATE FUNCTION messages.next_digest(after timestamptz, at_time text) RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT ((after AT TIME ZONE 'Europe/Stockholm')::date
          + CASE WHEN ((after AT TIME ZONE 'Europe/Stockholm')::date + at_time::time) AT TIME ZONE 'Europe/Stockholm' > after THEN 0 ELSE 1 END
          + at_time::time) AT TIME ZONE 'Europe/Stockholm'
      $$;`,
  },
  {
    id: 'messages/003-reminders',
    // Reminders planned from a fee notice or a showing invitation, sent on their day by the reminder worker with the lead
    // time of the policy on that day; ended by the payment or the answer. The content is sealed under the person's key.
    sql: `
      CREATE TABLE messages.reminders (
        reminder_id uuid PRIMARY KEY,
        applicant_id uuid NOT NULL,
        kind text NOT NULL,
        subject text NOT NULL,
        not_before date,
        deadline date NOT NULL,
        content jsonb NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'cancelled', 'too-late')));
      CREATE INDEX ON messages.reminders (deadline) WHERE state = 'pending';
      CREATE INDEX ON messages.reminders (applicant_id, subject) WHERE state = 'pending';`,
  },
  {
    id: 'messages/004-seekers-deregistered',
    // A deregistered seeker gets no saved-search alerts until the deregistration is reversed (alerts/seekers.projection.ts).
    sql: `ALTER TABLE messages.seekers ADD COLUMN IF NOT EXISTS deregistered_on date;`,
  },
  {
    id: 'messages/005-landlord-users',
    // Each landlord's users as the landlords app last said (the newer change wins): who is told of a proposal, an
    // agreement change or a case answer, and whose token may read a landlord inbox here.
    sql: `
      CREATE TABLE messages.landlord_users (
        user_id uuid PRIMARY KEY,
        landlord_id uuid NOT NULL,
        role text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'removed')),
        at timestamptz NOT NULL);
      CREATE INDEX ON messages.landlord_users (landlord_id) WHERE status = 'active';`,
  },
  {
    id: 'messages/006-contacts-noted',
    // When the address in use was given (its message's occurredAt): an older one, sent again by a backfill
    // (npm run republish), never replaces it (triggers/contact-order.ts).
    sql: `CREATE TABLE messages.contacts_noted (person_id uuid PRIMARY KEY, occurred_at timestamptz NOT NULL);`,
  },
];

/** What the app runs beside its requests; the module starts it, `npm run rebuild -- messages …` replays its read models. */
export const MESSAGES_WIRING: AppWiring = {
  app: 'messages',
  migrations: MESSAGES_MIGRATIONS,
  projections: [inboxProjection, peopleProjection, savedSearchesProjection, threadsProjection, deliveriesProjection],
  busProjections: [seekersBusProjection],
  notRebuilt: { [deliveriesProjection.name]: 'the outbox: a rebuild would send every mail again (deliveries.projection.ts)' },
  consumers: [TriggersConsumer],
  jobs: [DeliveryWorker, AlertWorker, ReminderWorker],
};
