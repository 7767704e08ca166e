import { Module } from '@nestjs/common';
import { PlatformModule } from '../../../libs/platform/src/index.js';
import { EventSourcingModule, eventSourcingHealth } from '../../../libs/runtime/src/event-sourcing.module.js';
import { RegisteredSeekersController } from './seekers/registered-seekers.controller.js';
import { SEEKER_TOPICS, seekersProjection } from './seekers/seekers.projection.js';

const eventSourcing = EventSourcingModule.forRoot({
  app: 'statistics',
  busProjections: [{ projection: seekersProjection, topics: SEEKER_TOPICS }],
});

@Module({
  imports: [PlatformModule.forRoot({ name: 'statistics', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing],
  controllers: [RegisteredSeekersController],
})
export class StatisticsModule {}
