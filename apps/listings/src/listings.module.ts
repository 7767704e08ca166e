import { FeedController } from './search/feed.controller.js';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChangePolicyHandler } from '@bostadsko/policy';
import { APP_GUARD } from '@nestjs/core';
import { PlatformModule } from '@bostadsko/platform';
import { backgroundProviders, EventSourcingModule, eventSourcingHealth } from '@bostadsko/runtime';
import { LandlordUserGuard } from './access/landlord-user.guard.js';
import { ApplicationIntake } from './applications/application-intake.js';
import { ApplicationViews } from './applications/application-views.js';
import { MyApplicationsHandler, OneOfMyApplicationsHandler } from './applications/application.queries.js';
import { ApplyForListingHandler } from './applications/apply.command.js';
import { WithdrawApplicationHandler } from './applications/withdraw-application.command.js';
import { ApplyRoute } from './applications/apply.route.js';
import { EligibilityCheck } from './applications/eligibility-check.js';
import { EligibilityController } from './applications/eligibility.controller.js';
import { OwnApplicationRoute } from './applications/own-application.route.js';
import { RankingPageRoute } from './ranking/ranking-page.route.js';
import { ApplicationsController } from './applications/applications.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { AllocationAudit } from './audit/allocation-audit.js';
import { AllocationAuditReportHandler } from './audit/allocation-audit.query.js';
import { LettingModule } from './letting/letting.module.js';
import { ListingCoreModule } from './listing-core.module.js';
import { ListingEnding } from './listing/listing-ending.js';
import { LandlordsListingsHandler, ListingDetailsHandler, ListingsInProgressHandler, RequirementsTemplateHandler, SearchListingsHandler } from './listing/listing.queries.js';
import { PublishListingHandler } from './listing/publish-listing.command.js';
import { WithdrawListingHandler } from './listing/withdraw-listing.command.js';
import { ListingsController } from './listing/listings.controller.js';
import { LISTINGS_WIRING } from './listings.wiring.js';
import { PolicyController } from './policy/policy.controller.js';
import { CloseDueListingsHandler, CloseListingHandler } from './ranking/close-listings.command.js';
import { CloseService } from './ranking/close.service.js';
import { ExplanationService } from './ranking/explanation.service.js';
import { RankingController } from './ranking/ranking.controller.js';
import { ApplicationExplanationHandler, ListingExplanationHandler, RankingPageHandler } from './ranking/ranking.queries.js';
import { ExtractController } from './register-extract/extract.controller.js';
import { RegisterExtractOfHandler } from './register-extract/register-extract.query.js';
import { EndListingsOfLandlordHandler, EraseSeekersDeclarationsHandler, WithdrawSeekersApplicationsHandler } from './read-models/seeker-lifecycle.commands.js';
import { AccessLogController, accessLogProviders } from '@bostadsko/access-log';

const eventSourcing = EventSourcingModule.forRoot(LISTINGS_WIRING);

@Module({
  imports: [
    PlatformModule.forRoot({ name: 'listings', healthChecks: eventSourcingHealth(eventSourcing) }),
    eventSourcing,
    CqrsModule.forRoot(),
    ListingCoreModule.register(eventSourcing),
    LettingModule,
  ],
  controllers: [PolicyController, ListingsController, FeedController, RankingController, ApplicationsController, EligibilityController, AuditController, ExtractController, AccessLogController],
  providers: [
    ChangePolicyHandler,
    ...accessLogProviders('listings'),
    ListingEnding,
    PublishListingHandler,
    WithdrawListingHandler,
    ApplyForListingHandler,
    WithdrawApplicationHandler,
    MyApplicationsHandler,
    OneOfMyApplicationsHandler,
    CloseListingHandler,
    CloseDueListingsHandler,
    WithdrawSeekersApplicationsHandler,
    EraseSeekersDeclarationsHandler,
    EndListingsOfLandlordHandler,
    SearchListingsHandler,
    ListingDetailsHandler,
    LandlordsListingsHandler,
    ListingsInProgressHandler,
    RequirementsTemplateHandler,
    RankingPageHandler,
    ListingExplanationHandler,
    ApplicationExplanationHandler,
    RegisterExtractOfHandler,
    ApplicationIntake,
    ApplicationViews,
    EligibilityCheck,
    ApplyRoute,
    OwnApplicationRoute,
    RankingPageRoute,
    CloseService,
    ExplanationService,
    ...backgroundProviders(LISTINGS_WIRING),
    AllocationAudit,
    AllocationAuditReportHandler,
    { provide: APP_GUARD, useClass: LandlordUserGuard },
  ],
})
export class ListingsModule {}
