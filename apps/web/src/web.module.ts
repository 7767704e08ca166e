import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from '@bostadsko/platform';
import { ApiClient } from './api/api-client.js';
import { AccountController } from './pages/account/account.controller.js';
import { HomeController } from './pages/home/home.controller.js';
import { LandlordControllers } from './pages/landlord/landlord.controllers.js';
import { ListingsController } from './pages/listings/listings.controller.js';
import { MineController } from './pages/mine/mine.controller.js';
import { MessagesController } from './pages/messages/messages.controller.js';
import { SavedSearchesController } from './pages/saved-searches/saved-searches.controller.js';
import { QueueRulesQuery } from './pages/home/queue-rules.js';
import { StaffControllers } from './pages/staff/staff.controllers.js';
import { StatisticsController } from './pages/statistics/statistics.controller.js';
import { PageContext } from './server/page-context.js';
import { HealthController } from './server/health.controller.js';
import { TrainingClockBanner } from './server/training-clock-banner.js';
import { LandlordUnread } from './server/landlord-unread.js';
import { WEB_CONFIG, type WebConfig } from './web.config.js';

@Module({})
export class WebModule {
  static forRoot(config: WebConfig): DynamicModule {
    return {
      module: WebModule,
      // JSON lines like the five apps', so the website's logs are machine-readable too.
      imports: [LoggerModule.forRoot(loggerParams('web', config))],
      controllers: [
        HealthController,
        HomeController,
        AccountController,
        ListingsController,
        MineController,
        MessagesController,
        SavedSearchesController,
        StatisticsController,
        ...LandlordControllers,
        ...StaffControllers,
      ],
      providers: [{ provide: WEB_CONFIG, useValue: config }, ApiClient, PageContext, TrainingClockBanner, LandlordUnread, QueueRulesQuery],
    };
  }
}
