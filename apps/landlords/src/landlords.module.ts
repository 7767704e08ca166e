import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { APP_GUARD } from '@nestjs/core';
import { createHmac } from 'node:crypto';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { PlatformModule, PLATFORM_CONFIG, type PlatformConfig } from '@bostadsko/platform';
import { EventSourcingModule, eventSourcingHealth, INFRASTRUCTURE, readModelsProvider, type Infrastructure } from '@bostadsko/runtime';
import { ActiveLandlordUserGuard } from './access/active-landlord-user.guard.js';
import { AgreementsController } from './agreements/agreements.controller.js';
import { CasesController } from './cases/cases.controller.js';
import { GuidelineController } from './guideline/guideline.controller.js';
import { CASES, EMAIL_SECRET, GUIDELINES, VAULT } from './landlords.tokens.js';
import { guidelineStreams } from './guideline/guideline.stream.js';
import { DeciderHandler } from '@bostadsko/command-handling';
import { caseStreams } from './cases/case.stream.js';
import { LANDLORDS_HANDLERS, LANDLORDS_WIRING } from './landlords.wiring.js';
import { LandlordService } from './organisation/landlord.service.js';
import { OrganisationController } from './organisation/organisation.controller.js';
import { ReportsController } from './reports/reports.controller.js';
import { Claims } from './shared/claims.js';
import { LandlordUsersService } from './users/landlord-users.service.js';
import { UsersController } from './users/users.controller.js';
import { SeekerExtractController } from './seekers/extract.controller.js';
import { LANDLORDS_ENTITIES } from './landlords.entities.js';
import { AccessLogController, accessLogProviders } from '@bostadsko/access-log';

const eventSourcing = EventSourcingModule.forRoot(LANDLORDS_WIRING);

@Module({
  imports: [PlatformModule.forRoot({ name: 'landlords', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing, CqrsModule.forRoot()],
  // Users before organisations: the static /landlords/sign-in and /landlords/me routes are declared first.
  controllers: [UsersController, OrganisationController, AgreementsController, GuidelineController, CasesController, ReportsController, SeekerExtractController, AccessLogController],
  providers: [
    ...accessLogProviders('landlords', { erasesOnClose: true }),
    LandlordService,
    LandlordUsersService,
    ...LANDLORDS_HANDLERS,
    readModelsProvider(LANDLORDS_ENTITIES),
    { provide: APP_GUARD, useClass: ActiveLandlordUserGuard },
    { provide: GUIDELINES, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new DeciderHandler(infra.store, guidelineStreams) },
    { provide: CASES, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new DeciderHandler(infra.store, caseStreams) },
    { provide: Claims, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new Claims(infra) },
    { provide: VAULT, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonalDataVault(infra.pool) },
    {
      provide: EMAIL_SECRET,
      inject: [PLATFORM_CONFIG],
      // Derived, so operators manage one secret; the label keeps it apart from the token key and the applicants' identity key.
      useFactory: (config: PlatformConfig) => createHmac('sha256', config.JWT_SECRET).update('landlord-user-email').digest('hex'),
    },
  ],
})
export class LandlordsModule {}
