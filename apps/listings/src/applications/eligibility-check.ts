import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { stockholmDate } from '@bostadsko/calendar';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { RequirementFailure } from '../listing/eligibility.js';
import { listingStream } from '../listing/listing.events.js';
import { seekerStream, type Declaration } from './seeker.events.js';
import { ListingHandler } from '../listing/listing.stream.js';
import { Clock } from '@bostadsko/clock';
import { PolicyService } from '../policy/policy.service.js';
import { seekerFacts } from '../read-models/seekers.projection.js';
import { applyCheck } from './application-intake.js';
import { applyRefusals } from './seeker.decider.js';
import { SeekerHandler } from './seeker.stream.js';

/** One reason an apply would be refused now; a failed requirement carries its figures, the cap its limit, the avhopp block its end. */
export type Refusal = RequirementFailure | { readonly code: string; readonly message: string; readonly limit?: number; readonly blockedUntil?: string };

export interface Eligibility {
  readonly listingId: string;
  readonly eligible: boolean;
  /** False when no declaration was given: income, household and payment remarks were not checked. */
  readonly checkedDeclaration: boolean;
  readonly refusals: readonly Refusal[];
}

/** GET /listings/:id/eligibility: "may I apply?", every reason an apply would be refused now. */
export class CheckEligibility extends Query<Eligibility> {
  constructor(
    readonly applicantId: string,
    readonly listingId: string,
    /** Null: only the requirements that need no declaration are checked. */
    readonly declaration: Declaration | null,
  ) {
    super();
  }
}

/** A seeker asks before applying: the same reads and rules as an apply, and nothing is written. */
@QueryHandler(CheckEligibility)
export class EligibilityCheck implements IQueryHandler<CheckEligibility, Eligibility> {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly listings: ListingHandler,
    private readonly seekers: SeekerHandler,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, listingId, declaration }: CheckEligibility): Promise<Eligibility> {
    const now = this.clock.now();
    const [listing, facts, policy, seeker] = await Promise.all([
      this.listings.load(listingStream(listingId)),
      seekerFacts(this.infra.pool, [applicantId]),
      this.policy.recentlyOn(stockholmDate(now)),
      this.seekers.load(seekerStream(applicantId)),
    ]);
    const check = applyCheck(listingId, now, listing.state, facts.get(applicantId), policy, declaration);
    // An apply is refused as not eligible once for all its failed requirements; asking first lists each with its figures.
    const refusals = applyRefusals(check, seeker.state).flatMap((r): readonly Refusal[] => (r.code === 'not-eligible' ? check.failures : [{ code: r.code, message: r.message, ...r.details }]));
    return { listingId, eligible: refusals.length === 0, checkedDeclaration: declaration !== null, refusals };
  }
}
