import { AccessLogController, accessLogProviders } from '@bostadsko/access-log';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { createHmac } from 'node:crypto';
import { PersonalDataVault } from '@bostadsko/personal-data';
import { PlatformModule, PLATFORM_CONFIG, type PlatformConfig } from '@bostadsko/platform';
import { backgroundProviders, EventSourcingModule, eventSourcingHealth, INFRASTRUCTURE, readModelsProvider, type Infrastructure } from '@bostadsko/runtime';
import { ApplicantService } from './applicant/applicant.service.js';
import { IdentityService } from './applicant/identity.service.js';
import { IDENTITY_SECRET, VAULT } from './applicants.tokens.js';
import { PolicyService } from './policy/policy.service.js';
import { RegisterController } from './registering/register.controller.js';
import { SignInController } from './signing-in/sign-in.controller.js';
import { SignInThrottling } from './signing-in/sign-in-throttling.js';
import { StaffDecisionsController } from './staff-decisions/staff-decisions.controller.js';
import { AccountController } from './account/account.controller.js';
import { ExtractController } from './account/extract.controller.js';
import { RegisterExtractOfHandler } from './account/register-extract.query.js';
import { CaseInboxHandler } from './cases/case-inbox.query.js';
import { NoteSignInThrottledHandler } from './signing-in/note-sign-in-throttled.command.js';
import { CasesController } from './cases/cases.controller.js';
import { PolicyController } from './policy/policy.controller.js';
import { FeesModule } from './fees/fees.module.js';
import { APPLICANTS_WIRING } from './applicants.wiring.js';
import { RegisterApplicantHandler } from './registering/register.handler.js';
import { ChangeContactDetailsHandler, CloseAccountHandler } from './account/account.handlers.js';
import { CasesOfHandler } from './cases/case.queries.js';
import { FindSeekersHandler } from './seeker-search/find-seekers.query.js';
import { SignInAccountHandler } from './signing-in/sign-in-account.query.js';
import { APPLICANTS_ENTITIES } from './applicants.entities.js';
import { AnswerApplicantCaseHandler, RegisterApplicantCaseHandler } from './cases/case.handlers.js';
import { ChangePersonnummerHandler, ChangeQueueStartHandler, EraseApplicantHandler, TransferQueueTimeHandler } from './staff-decisions/staff-decision.handlers.js';
import { SeekerSearchController } from './seeker-search/seeker-search.controller.js';
import { CaseInboxController } from './cases/case-inbox.controller.js';
import { TrainingClockController } from './training-clock/training-clock.controller.js';
import { TrainingClockService } from './training-clock/training-clock.service.js';
import { AccountHistoryHandler, AccountOfHandler, QueueTimeOfHandler } from './account/account.queries.js';
import { ChangePolicyHandler } from '@bostadsko/policy';
import { MoveTrainingClockHandler } from './training-clock/move-training-clock.handler.js';
import { RestoreQueueTimeAfterCancelledLettingHandler, UseUpQueueTimeHandler } from './letting/letting-outcome.commands.js';

const eventSourcing = EventSourcingModule.forRoot(APPLICANTS_WIRING);

@Module({
  imports: [PlatformModule.forRoot({ name: 'applicants', healthChecks: eventSourcingHealth(eventSourcing) }), eventSourcing, CqrsModule.forRoot(), FeesModule.register(eventSourcing)],
  controllers: [
    RegisterController,
    SignInController,
    SeekerSearchController,
    CaseInboxController,
    PolicyController,
    AccountController,
    ExtractController,
    CasesController,
    StaffDecisionsController,
    TrainingClockController,
    AccessLogController,
  ],
  providers: [
    ...accessLogProviders('applicants'),
    ApplicantService,
    IdentityService,
    PolicyService,
    SignInThrottling,
    // One handler per use case, dispatched by the CommandBus from the controllers.
    RegisterApplicantHandler,
    ChangeContactDetailsHandler,
    CloseAccountHandler,
    RegisterApplicantCaseHandler,
    AnswerApplicantCaseHandler,
    ChangeQueueStartHandler,
    TransferQueueTimeHandler,
    ChangePersonnummerHandler,
    EraseApplicantHandler,
    UseUpQueueTimeHandler,
    RestoreQueueTimeAfterCancelledLettingHandler,
    ...backgroundProviders(APPLICANTS_WIRING),
    TrainingClockService,
    MoveTrainingClockHandler,
    ChangePolicyHandler,
    AccountOfHandler,
    QueueTimeOfHandler,
    AccountHistoryHandler,
    CasesOfHandler,
    RegisterExtractOfHandler,
    CaseInboxHandler,
    FindSeekersHandler,
    SignInAccountHandler,
    NoteSignInThrottledHandler,
    readModelsProvider(APPLICANTS_ENTITIES),
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
