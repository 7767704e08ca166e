import { Module } from '@nestjs/common';
import { InterestController } from './interest.controller.js';
import { LettingPolicyController } from './letting-policy.controller.js';
import { LettingPolicyService } from './letting-policy.service.js';
import { LettingController } from './letting.controller.js';
import { CarryOutLettingFollowUpHandler } from './letting-follow-up.command.js';
import { AdvanceOpenLettingsHandler, LettingJobsController } from './letting.jobs.js';
import { LettingService } from './letting.service.js';
import { AdvanceLettingHandler } from './advance-letting.command.js';
import { ApplicationListingHandler } from './application-listing.query.js';
import { AnswerInterestHandler } from './answer-interest.command.js';
import { BackOutHandler } from './back-out.command.js';
import { CancelLettingHandler } from './cancel-letting.command.js';
import { DecideProposalHandler } from './decide-proposal.command.js';
import { RecordVerificationHandler } from './record-verification.command.js';
import { ScheduleShowingHandler } from './schedule-showing.command.js';
import { SignContractHandler } from './sign-contract.command.js';
import {
  BeingVerifiedHandler,
  InvitationHandler,
  LettingAuditHandler,
  LettingExplanationHandler,
  LettingStandingHandler,
  ProposalsOfListingHandler,
  ShowingsOfListingHandler,
} from './letting.queries.js';
import { ProposalsController } from './proposals.controller.js';
import { ShowingsController } from './showings.controller.js';

/**
 * Showings, interest, verification, proposals and the letting (3.2.1), from
 * the ranking on. The event store, ListingHandler, SeekerHandler,
 * SeekerApplicationsService, PolicyService and VAULT come from
 * the global ListingCoreModule (the Clock from the global PlatformModule), so the app imports this module with one line.
 */
@Module({
  controllers: [ShowingsController, LettingController, ProposalsController, InterestController, LettingPolicyController, LettingJobsController],
  providers: [
    LettingService,
    LettingPolicyService,
    CarryOutLettingFollowUpHandler,
    AdvanceOpenLettingsHandler,
    // One handler per use case, dispatched by the CommandBus (CqrsModule.forRoot() in the app's module).
    ScheduleShowingHandler,
    AnswerInterestHandler,
    BackOutHandler,
    AdvanceLettingHandler,
    ApplicationListingHandler,
    RecordVerificationHandler,
    DecideProposalHandler,
    SignContractHandler,
    CancelLettingHandler,
    // And one per read, through the QueryBus.
    LettingStandingHandler,
    LettingExplanationHandler,
    BeingVerifiedHandler,
    InvitationHandler,
    LettingAuditHandler,
    ShowingsOfListingHandler,
    ProposalsOfListingHandler,
  ],
  exports: [LettingService],
})
export class LettingModule {}
