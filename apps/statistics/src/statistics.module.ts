import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChangePolicyHandler } from '@bostadsko/policy';
import { AccessLogController, accessLogProviders } from '@bostadsko/access-log';
import { PlatformModule } from '@bostadsko/platform';
import { EventSourcingModule, eventSourcingHealth } from '@bostadsko/runtime';
import { PolicyController } from './policy/policy.controller.js';
import { PolicyService } from './policy/policy.service.js';
import { ExtractController } from './register-extract/extract.controller.js';
import { RegisterExtractOfHandler } from './register-extract/register-extract.query.js';
import { REPORT_QUERY_HANDLERS } from './reports/report.queries.js';
import { OpenDataController } from './reports/open-data.controller.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { STATISTICS_WIRING } from './statistics.wiring.js';

const eventSourcing = EventSourcingModule.forRoot(STATISTICS_WIRING);

@Module({
  imports: [PlatformModule.forRoot({ name: 'statistics', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing, CqrsModule.forRoot()],
  controllers: [ReportsController, OpenDataController, PolicyController, ExtractController, AccessLogController],
  providers: [ReportsService, PolicyService, ChangePolicyHandler, RegisterExtractOfHandler, ...REPORT_QUERY_HANDLERS, ...accessLogProviders('statistics', { erasesOnClose: true })],
})
export class StatisticsModule {}
