import { Module } from '@nestjs/common';
import { AccessLogController, ACCESS_LOG_MIGRATIONS, accessLogProviders } from '@bostadsko/access-log';
import { PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import { PlatformModule } from '@bostadsko/platform';
import { EventSourcingModule, eventSourcingHealth } from '@bostadsko/runtime';
import { PolicyController } from './policy/policy.controller.js';
import { PolicyService } from './policy/policy.service.js';
import { ExtractController } from './register-extract/extract.controller.js';
import { OpenDataController } from './reports/open-data.controller.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { STATISTICS_STORE } from './store/statistics-store.js';

// Personal-data keys only for the access log's sealed reasons: the reports themselves seal nothing.
const eventSourcing = EventSourcingModule.forRoot({ app: 'statistics', migrations: [...PERSONAL_DATA_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS], busProjections: STATISTICS_STORE });

@Module({
  imports: [PlatformModule.forRoot({ name: 'statistics', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing],
  controllers: [ReportsController, OpenDataController, PolicyController, ExtractController, AccessLogController],
  providers: [ReportsService, PolicyService, ...accessLogProviders('statistics', { erasesOnClose: true })],
})
export class StatisticsModule {}
