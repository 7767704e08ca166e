import { Module } from '@nestjs/common';
import { PERSONAL_DATA_MIGRATIONS } from '../../../libs/personal-data/src/personal-data.vault.js';
import { PlatformModule } from '../../../libs/platform/src/index.js';
import { EventSourcingModule, eventSourcingHealth } from '../../../libs/runtime/src/event-sourcing.module.js';
import { ListingCoreModule } from './listing-core.module.js';

const eventSourcing = EventSourcingModule.forRoot({ app: 'listings', migrations: [...PERSONAL_DATA_MIGRATIONS] });

@Module({
  imports: [PlatformModule.forRoot({ name: 'listings', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing, ListingCoreModule.register(eventSourcing)],
})
export class ListingsModule {}
