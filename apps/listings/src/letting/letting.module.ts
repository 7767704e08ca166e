import { Module } from '@nestjs/common';
import type { RecordedEvent } from '@bostadsko/event-store';
import type { Projection } from '@bostadsko/projections';
import { InterestController } from './interest.controller.js';
import { lettingParticipantsProjection } from './letting-participants.projection.js';
import { LettingPolicyController } from './letting-policy.controller.js';
import { LettingPolicyService } from './letting-policy.service.js';
import { LettingController } from './letting.controller.js';
import { LettingFollowUpRunner } from './letting.follow-up.runner.js';
import { LettingJobs, LettingJobScheduler, LettingJobsController } from './letting.jobs.js';
import { LettingService } from './letting.service.js';
import { ProposalsController } from './proposals.controller.js';
import { ShowingsController } from './showings.controller.js';

/** For EventSourcingModule.forRoot in the listings app: `projections: [...others, ...LETTING_PROJECTIONS]`. */
export const LETTING_PROJECTIONS: readonly Projection<RecordedEvent>[] = [lettingParticipantsProjection];

/**
 * Showings, interest, verification, proposals and the letting (3.2.1), from
 * the ranking on. The event store, ListingService, SeekerService,
 * SeekerApplicationsService, PolicyService and VAULT come from
 * the global ListingCoreModule (the Clock from the global PlatformModule), so the app imports this module with one line.
 */
@Module({
  controllers: [ShowingsController, LettingController, ProposalsController, InterestController, LettingPolicyController, LettingJobsController],
  providers: [LettingService, LettingPolicyService, LettingFollowUpRunner, LettingJobs, LettingJobScheduler],
  exports: [LettingService],
})
export class LettingModule {}
