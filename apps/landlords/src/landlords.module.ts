import { Module } from '@nestjs/common';
import { PlatformModule } from '../../../libs/platform/src/index.js';
import { EventSourcingModule, eventSourcingHealth } from '../../../libs/runtime/src/event-sourcing.module.js';

/** The platform wiring only: its use cases arrive with the landlords issue. */
const eventSourcing = EventSourcingModule.forRoot({ app: 'landlords' });

@Module({
  imports: [PlatformModule.forRoot({ name: 'landlords', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing],
})
export class LandlordsModule {}
