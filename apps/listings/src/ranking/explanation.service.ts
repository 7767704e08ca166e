import { Inject, Injectable } from '@nestjs/common';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { NotFound, type AuthenticatedUser } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { isStaff, seekerOf } from '../access/access.js';
import { ApplicationViews } from '../applications/application-views.js';
import { provisionalPlace, rankedPlace } from '../applications/place.query.js';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { requirementFailures } from '../listing/eligibility.js';
import type { ListingState } from '../listing/listing.decider.js';
import { listingStream } from '../listing/listing.events.js';
import { seekerStream, type Declaration } from '../applications/seeker.events.js';
import { ListingHandler } from '../listing/listing.stream.js';
import { VAULT } from '../listings.tokens.js';
import { PolicyService } from '../policy/policy.service.js';
import { seekerFacts } from '../read-models/seekers.projection.js';
import { lotteryKey, methodFor, type RankingMethod } from './rank.js';

const RULES: Record<RankingMethod, string> = {
  'queue-days':
    'Eligible applicants are ranked by most queue days at the application deadline, then earlier queue start date, then earlier application, ' +
    'then SHA-256("<listingId>:<applicationId>") ascending, a fixed order that favours no one.',
  'application-time': 'First come: eligible applicants are ranked by the time of application (queue time is ignored and kept), then SHA-256("<listingId>:<applicationId>") ascending.',
  lottery:
    'Lottery: eligible applicants are ranked by SHA-256(seed + applicantId) ascending (hex). The SHA-256 of the seed was published with the listing; ' +
    'the seed is revealed at the draw, so anyone can check it and re-run the draw.',
};

const LOTTERY_RECIPE =
  'Check the seed: printf \'%s\' "$SEED" | sha256sum must equal lotterySeedHash. Re-run the draw: for each applicant id, printf \'%s\' "$SEED$APPLICANT_ID" | sha256sum; sort ascending.';

const anonymous = (r: { place: number; queueDays: number | null; queueStartDate: string | null; appliedAt: string }) => ({
  place: r.place,
  queueDays: r.queueDays,
  queueStartDate: r.queueStartDate,
  appliedAt: r.appliedAt,
});

/** Why the allocation came out as it did: the rules, the policy and the data used; others anonymous unless staff asks. */
@Injectable()
export class ExplanationService {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly listings: ListingHandler,
    private readonly seekers: SeekerHandler,
    private readonly applications: ApplicationViews,
    private readonly policy: PolicyService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async forListing(listingId: string, user: AuthenticatedUser | undefined, page = 1, pageSize = 100) {
    const state = await this.published(listingId);
    const { published, ranked } = state;
    const method = methodFor(published.flat.listingType);
    const base = {
      listingId,
      status: state.status,
      method,
      rules: RULES[method],
      requirements: published.requirements,
      applicationDeadline: published.applicationDeadline,
      ...(published.lotterySeedHash && { lottery: { seedHash: published.lotterySeedHash, seed: ranked?.lotterySeed ?? null, recipe: LOTTERY_RECIPE } }),
    };
    if (!ranked) return { ...base, ranked: false, policy: await this.policy.on(published.applicationDeadline) };
    const full = user !== undefined && isStaff(user);
    const slice = ranked.ranking.slice((page - 1) * pageSize, page * pageSize);
    const excludedBy: Record<string, number> = {};
    for (const e of ranked.excluded) for (const reason of e.reasons) excludedBy[reason] = (excludedBy[reason] ?? 0) + 1;
    return {
      ...base,
      ranked: true,
      rankedAt: ranked.rankedAt,
      policy: ranked.policy,
      applications: ranked.applications,
      eligible: ranked.ranking.length,
      excluded: full ? ranked.excluded : { count: ranked.excluded.length, byReason: excludedBy },
      page,
      pageSize,
      ranking: full ? slice : slice.map(anonymous),
    };
  }

  /** The seeker's own place and why; those ahead are shown by place and queue days only. */
  async forApplication(user: AuthenticatedUser, applicationId: string) {
    const applicantId = seekerOf(user);
    const application = await this.applications.own(applicantId, applicationId);
    const state = await this.published(application.listingId);
    const { published, ranked } = state;
    const method = methodFor(published.flat.listingType);
    const base = { applicationId, listingId: application.listingId, method, rules: RULES[method], requirements: published.requirements, applicationDeadline: published.applicationDeadline };
    if (!ranked) {
      const place = await provisionalPlace(this.infra.pool, application.listingId, applicationId, method);
      return { ...base, ranked: false, yourPlace: place, note: 'Provisional: the ranking is decided at the deadline with queue days counted on the deadline date' };
    }
    const mine = ranked.ranking.find((r) => r.applicationId === applicationId);
    const excluded = ranked.excluded.find((e) => e.applicationId === applicationId);
    const place = rankedPlace({ place: mine?.place ?? null, reasons: excluded?.reasons ?? null, eligible: ranked.ranking.length, inRanking: mine !== undefined || excluded !== undefined });
    const why = excluded && (await this.failures(applicantId, applicationId, state));
    return {
      ...base,
      ranked: true,
      policy: ranked.policy,
      yourPlace: place,
      ...(mine && { you: anonymous(mine), ahead: ranked.ranking.filter((r) => r.place < mine.place).map(anonymous) }),
      ...(excluded && { excludedFor: excluded.reasons, details: why }),
      ...(ranked.lotterySeed && { lottery: { seed: ranked.lotterySeed, seedHash: published.lotterySeedHash, yourKey: lotteryKey(ranked.lotterySeed, applicantId), recipe: LOTTERY_RECIPE } }),
      ...(application.status === 'withdrawn' && !mine && !excluded && { note: `Withdrawn (${application.withdrawnReason}) before the ranking` }),
    };
  }

  private async failures(applicantId: string, applicationId: string, state: Exclude<ListingState, { status: 'none' }>) {
    const { events } = await this.seekers.load(seekerStream(applicantId));
    const submitted = events.find((e) => e.type === 'application-submitted' && (e.data as { applicationId: string }).applicationId === applicationId);
    const declaration = submitted && (await this.vault.open<Declaration>((submitted.data as { declaration: Parameters<PersonalDataVault['open']>[0] }).declaration));
    if (!declaration) return [];
    const fact = (await seekerFacts(this.infra.pool, [applicantId])).get(applicantId);
    const policy = state.ranked?.policy as { nonTaxableIncomeFactor?: number } | undefined;
    return requirementFailures({
      requirements: state.published.requirements,
      monthlyRent: state.published.flat.monthlyRent,
      declaration,
      birthYear: fact?.birthYear ?? null,
      deadline: state.published.applicationDeadline,
      nonTaxableIncomeFactor: policy?.nonTaxableIncomeFactor ?? 1.5,
    });
  }

  private async published(listingId: string) {
    const { state } = await this.listings.load(listingStream(listingId));
    if (state.status === 'none') throw new NotFound('No such listing');
    return state;
  }
}
