import { Module } from '@nestjs/common';
import { PlatformModule } from '../../../libs/platform/src/index.js';
import { EventSourcingModule, eventSourcingHealth } from '../../../libs/runtime/src/event-sourcing.module.js';
import { PolicyController } from './policy/policy.controller.js';
import { PolicyService } from './policy/policy.service.js';
import { OpenDataController } from './reports/open-data.controller.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { STATISTICS_STORE } from './store/statistics-store.js';

const eventSourcing = EventSourcingModule.forRoot({ app: 'statistics', busProjections: STATISTICS_STORE });

@Module({
  imports: [PlatformModule.forRoot({ name: 'statistics', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing],
  controllers: [ReportsController, OpenDataController, PolicyController],
  providers: [ReportsService, PolicyService],
})
export class StatisticsModule {}
