import { Module } from '@nestjs/common';
import { PersonalDataVault } from '../../../libs/personal-data/src/personal-data.vault.js';
import { PlatformModule } from '../../../libs/platform/src/index.js';
import { EventSourcingModule, eventSourcingHealth, INFRASTRUCTURE } from '../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import { DeliveryFailuresController } from './delivery/delivery-failures.controller.js';
import { DeliveryWorker } from './delivery/delivery.worker.js';
import { DevMailboxController } from './dev-mailbox/dev-mailbox.controller.js';
import { InboxController } from './inbox/inbox.controller.js';
import { InboxQuery } from './inbox/inbox.query.js';
import { PersonMessagesStore } from './inbox/person-messages.store.js';
import { loadMessagesConfig } from './messages.config.js';
import { AccessLogController } from '../../../libs/access-log/src/access-log.controller.js';
import { accessLogProviders } from '../../../libs/access-log/src/access-log.wiring.js';
import { INBOX, MESSAGES_CONFIG, PERSON_MESSAGES, SAVED_SEARCHES, VAULT } from './messages.tokens.js';
import { MESSAGES_MIGRATIONS, MESSAGES_PROJECTIONS } from './messages.wiring.js';
import { PeopleController } from './people/people.controller.js';
import { PolicyController } from './policy/policy.controller.js';
import { PolicyService } from './policy/policy.service.js';
import { TriggersConsumer } from './triggers/triggers.consumer.js';
import { AlertWorker } from './alerts/alert.worker.js';
import { ReminderWorker } from './reminders/reminder.worker.js';
import { SavedSearchesController } from './saved-searches/saved-searches.controller.js';
import { SavedSearchesStore } from './saved-searches/saved-searches.store.js';

const eventSourcing = EventSourcingModule.forRoot({ app: 'messages', migrations: MESSAGES_MIGRATIONS, projections: MESSAGES_PROJECTIONS });

@Module({
  imports: [PlatformModule.forRoot({ name: 'messages', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing],
  controllers: [DeliveryFailuresController, PeopleController, PolicyController, DevMailboxController, InboxController, SavedSearchesController, AccessLogController],
  providers: [
    ...accessLogProviders('messages'),
    PolicyService,
    TriggersConsumer,
    DeliveryWorker,
    AlertWorker,
    ReminderWorker,
    { provide: MESSAGES_CONFIG, useFactory: loadMessagesConfig },
    { provide: VAULT, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonalDataVault(infra.pool) },
    { provide: PERSON_MESSAGES, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonMessagesStore(infra) },
    { provide: SAVED_SEARCHES, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new SavedSearchesStore(infra) },
    { provide: INBOX, inject: [INFRASTRUCTURE, VAULT], useFactory: (infra: Infrastructure, vault: PersonalDataVault) => new InboxQuery(infra, vault) },
  ],
})
export class MessagesModule {}
