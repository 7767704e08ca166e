import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { PlatformModule } from '@bostadsko/platform';
import { backgroundProviders, EventSourcingModule, eventSourcingHealth, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { DeliveryFailuresController } from './delivery/delivery-failures.controller.js';
import { FailingAddressesHandler, OutboxCountsHandler } from './delivery/delivery.queries.js';
import { DevMailboxController } from './dev-mailbox/dev-mailbox.controller.js';
import { DevMailboxHandler } from './dev-mailbox/dev-mailbox.query.js';
import { InboxController } from './inbox/inbox.controller.js';
import { InboxQuery } from './inbox/inbox.query.js';
import { InboxMessageOfHandler, ListInboxHandler } from './inbox/inbox.queries.js';
import { ChangePolicyHandler } from '@bostadsko/policy';
import { MarkMessageReadHandler } from './inbox/mark-read.handler.js';
import { ChooseLanguageHandler } from './people/choose-language.handler.js';
import { DeciderHandler } from '@bostadsko/command-handling';
import { personMessagesStreams } from './inbox/person-messages.stream.js';
import { loadMessagesConfig } from './messages.config.js';
import { AccessLogController, accessLogProviders } from '@bostadsko/access-log';
import { INBOX, MESSAGES_CONFIG, PERSON_MESSAGES, SAVED_SEARCHES, THREADS, VAULT } from './messages.tokens.js';
import { MESSAGES_WIRING } from './messages.wiring.js';
import { PeopleController } from './people/people.controller.js';
import { PolicyController } from './policy/policy.controller.js';
import { PolicyService } from './policy/policy.service.js';
import { SavedSearchesController } from './saved-searches/saved-searches.controller.js';
import { savedSearchesStreams } from './saved-searches/saved-searches.stream.js';
import { ChangeSearchAlertsHandler, DeleteSearchHandler, SaveSearchHandler } from './saved-searches/saved-search.commands.js';
import { SavedSearchesOfHandler } from './saved-searches/saved-searches.query.js';
import { ChooseDigestTimeHandler, ChooseEmailHandler } from './people/preferences.handlers.js';
import { PersonOfHandler } from './people/people.queries.js';
import { RegisterExtractOfHandler } from './people/register-extract.query.js';
import { AnswerThreadHandler, ReplyToMessageHandler } from './threads/thread.commands.js';
import { ThreadsController } from './threads/threads.controller.js';
import { MessageThreadOfHandler, ThreadsOfPersonHandler, WaitingThreadsHandler } from './threads/threads.queries.js';
import { ThreadsQuery } from './threads/threads.query.js';
import { LandlordInboxController } from './landlord-inbox/landlord-inbox.controller.js';
import { ChooseLandlordEmailHandler } from './landlord-inbox/landlord-preferences.handler.js';
import { LandlordPreferencesOfHandler, LandlordUnreadCountHandler, LandlordUserStatusHandler } from './landlord-inbox/landlord-inbox.queries.js';

import { ErasePersonHandler, NoteEmailAddressHandler, RecordBounceHandler, RecordMessageHandler } from './inbox/person-messages.commands.js';

const eventSourcing = EventSourcingModule.forRoot(MESSAGES_WIRING);

@Module({
  imports: [PlatformModule.forRoot({ name: 'messages', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing, CqrsModule.forRoot()],
  controllers: [
    LandlordInboxController,
    DeliveryFailuresController,
    PeopleController,
    PolicyController,
    DevMailboxController,
    InboxController,
    SavedSearchesController,
    AccessLogController,
    ThreadsController,
  ],
  providers: [
    ...accessLogProviders('messages'),
    PolicyService,
    MarkMessageReadHandler,
    RecordMessageHandler,
    NoteEmailAddressHandler,
    RecordBounceHandler,
    ErasePersonHandler,
    ChangePolicyHandler,
    ChooseLanguageHandler,
    ChooseEmailHandler,
    ChooseDigestTimeHandler,
    PersonOfHandler,
    DevMailboxHandler,
    RegisterExtractOfHandler,
    ChooseLandlordEmailHandler,
    LandlordUserStatusHandler,
    LandlordUnreadCountHandler,
    LandlordPreferencesOfHandler,
    SaveSearchHandler,
    ChangeSearchAlertsHandler,
    DeleteSearchHandler,
    SavedSearchesOfHandler,
    ListInboxHandler,
    InboxMessageOfHandler,
    FailingAddressesHandler,
    OutboxCountsHandler,
    ...backgroundProviders(MESSAGES_WIRING),
    ReplyToMessageHandler,
    AnswerThreadHandler,
    ThreadsOfPersonHandler,
    MessageThreadOfHandler,
    WaitingThreadsHandler,
    { provide: MESSAGES_CONFIG, useFactory: loadMessagesConfig },
    { provide: VAULT, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonalDataVault(infra.pool) },
    { provide: PERSON_MESSAGES, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new DeciderHandler(infra.store, personMessagesStreams) },
    { provide: SAVED_SEARCHES, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new DeciderHandler(infra.store, savedSearchesStreams) },
    { provide: INBOX, inject: [INFRASTRUCTURE, VAULT], useFactory: (infra: Infrastructure, vault: PersonalDataVault) => new InboxQuery(infra, vault) },
    { provide: THREADS, inject: [INFRASTRUCTURE, VAULT, INBOX], useFactory: (infra: Infrastructure, vault: PersonalDataVault, inbox: InboxQuery) => new ThreadsQuery(infra, vault, inbox) },
  ],
})
export class MessagesModule {}
