import { Module } from '@nestjs/common';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { PlatformModule } from '@bostadsko/platform';
import { EventSourcingModule, eventSourcingHealth, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { DeliveryFailuresController } from './delivery/delivery-failures.controller.js';
import { DeliveryWorker } from './delivery/delivery.worker.js';
import { DevMailboxController } from './dev-mailbox/dev-mailbox.controller.js';
import { InboxController } from './inbox/inbox.controller.js';
import { InboxQuery } from './inbox/inbox.query.js';
import { PersonMessagesStore } from './inbox/person-messages.store.js';
import { loadMessagesConfig } from './messages.config.js';
import { AccessLogController, accessLogProviders } from '@bostadsko/access-log';
import { INBOX, MESSAGES_CONFIG, PERSON_MESSAGES, VAULT } from './messages.tokens.js';
import { MESSAGES_MIGRATIONS, MESSAGES_PROJECTIONS } from './messages.wiring.js';
import { PeopleController } from './people/people.controller.js';
import { PolicyController } from './policy/policy.controller.js';
import { PolicyService } from './policy/policy.service.js';
import { TriggersConsumer } from './triggers/triggers.consumer.js';

const eventSourcing = EventSourcingModule.forRoot({ app: 'messages', migrations: MESSAGES_MIGRATIONS, projections: MESSAGES_PROJECTIONS });

@Module({
  imports: [PlatformModule.forRoot({ name: 'messages', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing],
  controllers: [DeliveryFailuresController, PeopleController, PolicyController, DevMailboxController, InboxController, AccessLogController],
  providers: [
    ...accessLogProviders('messages'),
    PolicyService,
    TriggersConsumer,
    DeliveryWorker,
    { provide: MESSAGES_CONFIG, useFactory: loadMessagesConfig },
    { provide: VAULT, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonalDataVault(infra.pool) },
    { provide: PERSON_MESSAGES, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonMessagesStore(infra) },
    { provide: INBOX, inject: [INFRASTRUCTURE, VAULT], useFactory: (infra: Infrastructure, vault: PersonalDataVault) => new InboxQuery(infra, vault) },
  ],
})
export class MessagesModule {}
