import { SeekerBirthYear, MatchedListing, AlertBatch } from './alerts/alert-queue.entity.js';
import { DeliveryRow } from './delivery/deliveries.entity.js';
import { LandlordUserRow } from './landlord-inbox/landlord-users.entity.js';
import { InboxMessageRow } from './inbox/inbox.entity.js';
import { PersonRow } from './people/people.entity.js';
import { ReminderRow } from './reminders/reminder.entity.js';
import { SavedSearchRow } from './saved-searches/saved-searches.entity.js';
import { ThreadEntryRow } from './threads/thread-entries.entity.js';
import { ContactNotedRow } from './triggers/contacts-noted.entity.js';
import { FlatFacts, ProposedApplicant } from './triggers/trigger-facts.entity.js';

/** The app's read-model tables as TypeORM entities: its repositories read through them, and its int-spec holds them to the tables. */
export const MESSAGES_ENTITIES = [
  SeekerBirthYear,
  MatchedListing,
  AlertBatch,
  DeliveryRow,
  InboxMessageRow,
  PersonRow,
  ReminderRow,
  SavedSearchRow,
  FlatFacts,
  ProposedApplicant,
  ThreadEntryRow,
  LandlordUserRow,
  ContactNotedRow,
];
