import { AccessLogController, ACCESS_LOG_MIGRATIONS, accessLogProviders } from '@bostadsko/access-log';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { createHmac } from 'node:crypto';
import { PersonalDataVault, PERSONAL_DATA_MIGRATIONS } from '@bostadsko/personal-data';
import { PlatformModule, PLATFORM_CONFIG, type PlatformConfig } from '@bostadsko/platform';
import { EventSourcingModule, eventSourcingHealth, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { ApplicantService } from './applicant/applicant.service.js';
import { IdentityService } from './applicant/identity.service.js';
import { IDENTITY_SECRET, VAULT } from './applicants.tokens.js';
import { PolicyService } from './policy/policy.service.js';
import { toIntegrationMessages } from './integration/applicants.integration.js';
import { messagesIntegration } from './integration/messages.integration.js';
import { allMessages } from '@bostadsko/bus';
import { RegisterController } from './registering/register.controller.js';
import { SignInController } from './signing-in/sign-in.controller.js';
import { SignInThrottling } from './signing-in/sign-in-throttling.js';
import { StaffDecisionsController } from './staff-decisions/staff-decisions.controller.js';
import { AccountController } from './account/account.controller.js';
import { ExtractController } from './account/extract.controller.js';
import { CasesController } from './cases/cases.controller.js';
import { PolicyController } from './policy/policy.controller.js';
import { LettingConsumer } from './letting/letting.consumer.js';
import { FeesModule } from './fees/fees.module.js';
import { FEE_MIGRATIONS, FEE_PROJECTIONS } from './fees/fees.wiring.js';
import { RegisterApplicantHandler } from './registering/register.handler.js';
import { queueTimeProjection } from './queue-time/queue-time.projection.js';
import { TrainingClockController } from './training-clock/training-clock.controller.js';
import { TrainingClockService } from './training-clock/training-clock.service.js';

const eventSourcing = EventSourcingModule.forRoot({
  app: 'applicants',
  migrations: [...PERSONAL_DATA_MIGRATIONS, ...FEE_MIGRATIONS, ...ACCESS_LOG_MIGRATIONS],
  integration: (infra) => {
    const toMessages = messagesIntegration(new PersonalDataVault(infra.pool), () => new PolicyService(infra).changes());
    return (event) => allMessages([toIntegrationMessages(event), toMessages(event)]);
  },
  projections: [queueTimeProjection, ...FEE_PROJECTIONS],
});

@Module({
  imports: [PlatformModule.forRoot({ name: 'applicants', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing, CqrsModule.forRoot(), FeesModule.register(eventSourcing)],
  controllers: [RegisterController, SignInController, PolicyController, AccountController, ExtractController, CasesController, StaffDecisionsController, TrainingClockController, AccessLogController],
  providers: [
    ...accessLogProviders('applicants'),
    ApplicantService,
    IdentityService,
    PolicyService,
    SignInThrottling,
    RegisterApplicantHandler,
    LettingConsumer,
    TrainingClockService,
    { provide: VAULT, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonalDataVault(infra.pool) },
    {
      provide: IDENTITY_SECRET,
      inject: [PLATFORM_CONFIG],
      // Derived, so operators manage one secret; the label keeps it distinct from the token key. Rotating
      // JWT_SECRET therefore needs a migration of identity streams (applicants issue).
      useFactory: (config: PlatformConfig) => createHmac('sha256', config.JWT_SECRET).update('applicant-identity').digest('hex'),
    },
  ],
})
export class ApplicantsModule {}
