import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { createHmac } from 'node:crypto';
import { PersonalDataVault, PERSONAL_DATA_MIGRATIONS } from '../../../libs/personal-data/src/personal-data.vault.js';
import { PlatformModule, PLATFORM_CONFIG, type PlatformConfig } from '../../../libs/platform/src/index.js';
import { EventSourcingModule, eventSourcingHealth, INFRASTRUCTURE } from '../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../libs/runtime/src/infrastructure.js';
import { ApplicantService } from './applicant/applicant.service.js';
import { IdentityService } from './applicant/identity.service.js';
import { CLOCK, IDENTITY_SECRET, VAULT } from './applicants.tokens.js';
import { PolicyService } from './policy/policy.service.js';
import { toIntegrationMessages } from './integration/applicants.integration.js';
import { RegisterController } from './registering/register.controller.js';
import { RegisterApplicantHandler } from './registering/register.handler.js';
import { registryProjection } from './registry/registry.projection.js';

const eventSourcing = EventSourcingModule.forRoot({
  app: 'applicants',
  migrations: PERSONAL_DATA_MIGRATIONS,
  integration: toIntegrationMessages,
  projections: [registryProjection],
});

@Module({
  imports: [PlatformModule.forRoot({ name: 'applicants', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing, CqrsModule.forRoot()],
  controllers: [RegisterController],
  providers: [
    ApplicantService,
    IdentityService,
    PolicyService,
    RegisterApplicantHandler,
    { provide: VAULT, inject: [INFRASTRUCTURE], useFactory: (infra: Infrastructure) => new PersonalDataVault(infra.pool) },
    { provide: CLOCK, useValue: () => new Date() },
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
