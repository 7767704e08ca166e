import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { NotFound, type AuthenticatedUser } from '@bostadsko/platform';
import { SeekerApplicationsService } from '../applications/seeker-applications.service.js';
import { VAULT } from '../listings.tokens.js';
import { auditAllocation } from './letting-steps.audit.js';
import { assertStaffOrListingsLandlord, isListingsLandlord, isStaff } from './letting.access.js';
import { landlordExplanation, proposalsOf, seekerExplanation, stage, staffExplanation } from './letting.explanation.js';
import type { LettingAnswer } from './letting-answer.js';
import { LettingService } from './letting.service.js';
import { proposedHouseholds } from './proposed-households.js';
import { showingView } from './showing.view.js';

/** GET /listings/:id/letting: where it stands (staff: every participant; the landlord: its proposals), with the revision for an ETag. */
export class LettingStanding extends Query<LettingAnswer<unknown>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
  ) {
    super();
  }
}

/** GET …/letting/explanation: the record as the caller may see it. */
export class LettingExplanation extends Query<unknown> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
  ) {
    super();
  }
}

/** GET …/letting/verification: the applicant being verified, with what they declared. */
export class BeingVerified extends Query<unknown> {
  constructor(readonly listingId: string) {
    super();
  }
}

/** GET …/letting/audit: the allocation re-derived from the log against what was recorded. */
export class LettingAudit extends Query<unknown> {
  constructor(readonly listingId: string) {
    super();
  }
}

/** GET /applications/:id/invitation: the seeker's part of the letting of the listing they applied for. */
export class Invitation extends Query<unknown> {
  constructor(
    readonly listingId: string,
    readonly applicationId: string,
  ) {
    super();
  }
}

/** GET /listings/:id/showings, with the revision for an ETag. */
export class ShowingsOfListing extends Query<LettingAnswer<unknown>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
  ) {
    super();
  }
}

/** GET /listings/:id/proposals, with the revision for an ETag. */
export class ProposalsOfListing extends Query<LettingAnswer<unknown>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly listingId: string,
  ) {
    super();
  }
}

@QueryHandler(LettingStanding)
export class LettingStandingHandler implements IQueryHandler<LettingStanding, LettingAnswer<unknown>> {
  constructor(
    private readonly letting: LettingService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ user, listingId }: LettingStanding): Promise<LettingAnswer<unknown>> {
    const { context, state, revision, events } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    if (!isStaff(user)) return { answer: landlordExplanation(context, state, events, await proposedHouseholds(this.vault, events)), revision };
    return {
      answer: {
        listingId,
        status: state.status,
        stage: stage(state, context),
        invitations: Object.values(state.invitations).sort((a, b) => a.place - b.place),
        candidates: Object.values(state.candidates).sort((a, b) => a.place - b.place),
        current: state.current ?? null,
        tenant: state.tenant ?? null,
      },
      revision,
    };
  }
}

@QueryHandler(LettingExplanation)
export class LettingExplanationHandler implements IQueryHandler<LettingExplanation> {
  constructor(
    private readonly letting: LettingService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ user, listingId }: LettingExplanation) {
    const { context, state, events } = await this.letting.load(listingId);
    if (isStaff(user)) return staffExplanation(context, state, events);
    if (isListingsLandlord(user, context.landlordId)) return landlordExplanation(context, state, events, await proposedHouseholds(this.vault, events));
    const own = context.ranking.find((r) => r.applicantId === user.id);
    if (user.roles.includes('applicant') && own) return seekerExplanation(context, state, events, own.applicationId);
    throw new NotFound('You have no ranked application on this listing');
  }
}

@QueryHandler(BeingVerified)
export class BeingVerifiedHandler implements IQueryHandler<BeingVerified> {
  constructor(
    private readonly letting: LettingService,
    private readonly applications: SeekerApplicationsService,
  ) {}

  async execute({ listingId }: BeingVerified) {
    const { context, state } = await this.letting.load(listingId);
    const current = state.current === undefined ? undefined : state.candidates[state.current];
    if (!current || current.outcome !== 'verification') throw new NotFound('No applicant is being verified for this listing');
    return {
      applicationId: current.applicationId,
      applicantId: current.applicantId,
      place: current.place,
      certificatesDue: current.certificatesDue,
      requirements: context.requirements,
      monthlyRent: context.flat.monthlyRent,
      ageOn: context.deadline,
      declared: (await this.applications.declaration(current.applicantId, current.applicationId)) ?? null,
    };
  }
}

@QueryHandler(LettingAudit)
export class LettingAuditHandler implements IQueryHandler<LettingAudit> {
  constructor(private readonly letting: LettingService) {}

  async execute({ listingId }: LettingAudit) {
    const { listingEvents, events } = await this.letting.load(listingId);
    const differences = auditAllocation(listingEvents, events);
    return { listingId, events: events.length, consistent: differences.length === 0, differences };
  }
}

@QueryHandler(Invitation)
export class InvitationHandler implements IQueryHandler<Invitation> {
  constructor(private readonly letting: LettingService) {}

  async execute({ listingId, applicationId }: Invitation) {
    const { context, state, events } = await this.letting.load(listingId);
    return seekerExplanation(context, state, events, applicationId);
  }
}

@QueryHandler(ShowingsOfListing)
export class ShowingsOfListingHandler implements IQueryHandler<ShowingsOfListing, LettingAnswer<unknown>> {
  constructor(private readonly letting: LettingService) {}

  async execute({ user, listingId }: ShowingsOfListing): Promise<LettingAnswer<unknown>> {
    const { context, state, revision } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    return { answer: state.showings.map((s) => showingView(state, user, s.showingId)), revision };
  }
}

@QueryHandler(ProposalsOfListing)
export class ProposalsOfListingHandler implements IQueryHandler<ProposalsOfListing, LettingAnswer<unknown>> {
  constructor(
    private readonly letting: LettingService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ user, listingId }: ProposalsOfListing): Promise<LettingAnswer<unknown>> {
    const { context, state, events, revision } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    return { answer: proposalsOf(state, events, await proposedHouseholds(this.vault, events)), revision };
  }
}
