import { Inject, Injectable, Logger } from '@nestjs/common';
import { comparePositions, PostgresEventStore } from '@bostadsko/event-store';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import { loadCheckpoint } from '@bostadsko/postgres';
import { checkpointName } from '@bostadsko/projections';
import { busProjectionGroup, INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { applicationsProjection } from '../applications/applications.projection.js';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { contextOf } from '../command-context.js';
import { requirementFailures } from '../listing/eligibility.js';
import type { ListingState } from '../listing/listing.decider.js';
import { listingStream } from '../listing/listing.events.js';
import { seekerStream, type Declaration } from '../applications/seeker.events.js';
import { ListingHandler } from '../listing/listing.stream.js';
import { ListingEnding } from '../listing/listing-ending.js';
import { VAULT } from '../listings.tokens.js';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { PolicyService } from '../policy/policy.service.js';
import { inForceOn, type AgreementChange } from '../read-models/landlords.projection.js';
import { standingOn } from '../read-models/queue-standing.js';
import { SEEKER_TOPICS, seekerFacts, seekersProjection } from '../read-models/seekers.projection.js';
import type { Candidate } from './rank.js';

const CLOSE_JOB = 'listings:close-job';

/**
 * The scheduled, idempotent close: every listing whose deadline has passed is
 * ranked once (a second run finds it ranked and does nothing), and listings of
 * landlords whose agreement is terminated are ended.
 */
@Injectable()
export class CloseService {
  private readonly logger = new Logger(CloseService.name);

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly listings: ListingHandler,
    private readonly seekers: SeekerHandler,
    private readonly ending: ListingEnding,
    private readonly policy: PolicyService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  async runDue(): Promise<{ ranked: string[]; ended: string[]; applicationsEnded: number }> {
    const today = stockholmDate(this.clock.now());
    const ended = await this.endForTerminatedAgreements(today);
    const applicationsEnded = await this.endApplicationsOfEndedListings();
    const { rows } = await this.infra.pool.query<{ listing_id: string }>(`SELECT listing_id FROM listings.listings WHERE status = 'open' AND deadline < $1 ORDER BY deadline, listing_id`, [today]);
    const ranked: string[] = [];
    // Once for the run: on Kafka the group's offsets trail its read model by up to a second, a wait per listing otherwise.
    if (rows.length > 0) await this.inputsCaughtUp();
    for (const { listing_id } of rows) {
      try {
        if ((await this.close(listing_id, { inputsCaughtUp: true })).rankedNow) ranked.push(listing_id);
      } catch (error) {
        this.logger.error(`closing listing ${listing_id} failed and is retried on the next run: ${(error as Error).message}`);
      }
    }
    return { ranked, ended, applicationsEnded };
  }

  /**
   * A listing that was let or withdrawn leaves its other applicants' applications
   * open until they are ended here, so they stop counting towards the cap. Catches
   * an application the withdrawal itself missed while the read model lagged.
   */
  private async endApplicationsOfEndedListings(): Promise<number> {
    const { rows } = await this.infra.pool.query<{ applicant_id: string; listing_id: string }>(
      `SELECT a.applicant_id, a.listing_id FROM listings.applications a JOIN listings.listings l USING (listing_id)
       WHERE a.status = 'active' AND l.status IN ('let', 'withdrawn') AND a.application_id IS DISTINCT FROM l.tenant_application_id`,
    );
    const now = this.clock.now();
    const context = contextOf(CLOSE_JOB);
    for (const row of rows) await this.seekers.handleOn(seekerStream(row.applicant_id), () => ({ type: 'withdraw-for-listing', listingId: row.listing_id, now, reason: 'listing-ended' }), context);
    return rows.length;
  }

  /** Ranks one listing after its deadline; nothing happens when it is already ranked or ended. */
  async close(listingId: string, run = { inputsCaughtUp: false }): Promise<{ state: ListingState; rankedNow: boolean }> {
    const now = this.clock.now();
    const { state } = await this.listings.load(listingStream(listingId));
    if (state.status !== 'open') return { state, rankedNow: false };
    if (!run.inputsCaughtUp) await this.inputsCaughtUp();
    const { published } = state;
    const deadline = published.applicationDeadline;
    const policy = await this.policy.on(deadline);
    const { rows } = await this.infra.pool.query<{ application_id: string; applicant_id: string; submitted_at: Date; declaration: Sealed }>(
      `SELECT application_id, applicant_id, submitted_at, declaration FROM listings.applications WHERE listing_id = $1 AND status = 'active'`,
      [listingId],
    );
    const facts = await seekerFacts(
      this.infra.pool,
      rows.map((r) => r.applicant_id),
    );
    const candidates: Candidate[] = [];
    for (const row of rows) {
      const fact = facts.get(row.applicant_id);
      const declaration = await this.vault.open<Declaration>(row.declaration);
      const failures = declaration
        ? requirementFailures({
            requirements: published.requirements,
            monthlyRent: published.flat.monthlyRent,
            declaration,
            birthYear: fact?.birthYear ?? null,
            deadline,
            nonTaxableIncomeFactor: policy.nonTaxableIncomeFactor,
          }).map((f) => f.code)
        : ['declaration-erased'];
      candidates.push({
        applicationId: row.application_id,
        applicantId: row.applicant_id,
        submittedAt: row.submitted_at.toISOString(),
        failures,
        standing: fact ? standingOn(fact.timeline, deadline) : null,
      });
    }
    const lotterySeed =
      published.flat.listingType === 'lottery'
        ? (await this.infra.pool.query<{ seed: string }>('SELECT seed FROM listings.lottery_seeds WHERE listing_id = $1', [listingId])).rows[0]?.seed
        : undefined;
    const result = await this.listings.handleOn(listingStream(listingId), () => ({ type: 'rank', now, policy, candidates, lotterySeed }), contextOf(CLOSE_JOB));
    return { state: result.state, rankedNow: result.events.length > 0 };
  }

  /** "A terminated agreement ends its open listings", once the termination's date has come. */
  async endListingsOf(landlordId: string): Promise<string[]> {
    const { rows } = await this.infra.pool.query<{ listing_id: string }>(`SELECT listing_id FROM listings.listings WHERE landlord_id = $1 AND status IN ('open', 'ranked')`, [landlordId]);
    for (const row of rows) await this.ending.end(row.listing_id, 'agreement-terminated', CLOSE_JOB);
    return rows.map((r) => r.listing_id);
  }

  private async endForTerminatedAgreements(today: string): Promise<string[]> {
    const { rows } = await this.infra.pool.query<{ listing_id: string; agreements: AgreementChange[] }>(
      `SELECT l.listing_id, a.agreements FROM listings.listings l JOIN listings.landlords a USING (landlord_id)
       WHERE l.status IN ('open', 'ranked') AND a.agreements @> '[{"status": "terminated"}]'`,
    );
    const ended: string[] = [];
    for (const row of rows) {
      if (inForceOn(row.agreements, today)?.status !== 'terminated') continue;
      await this.ending.end(row.listing_id, 'agreement-terminated', CLOSE_JOB);
      ended.push(row.listing_id);
    }
    return ended;
  }

  /**
   * Waits until the applications read model has seen the whole log, so no application is left out of a
   * ranking, and the seekers read model every queue standing the applicants app had published, so a
   * correction made before the close counts in it (the allocation audit re-derives it so).
   */
  private async inputsCaughtUp(): Promise<void> {
    const head = this.infra.store instanceof PostgresEventStore ? await this.infra.store.headPosition() : undefined;
    const applicationsCaughtUp = async () => {
      if (!head) return true;
      const checkpoint = await loadCheckpoint(this.infra.pool, checkpointName(applicationsProjection));
      return checkpoint !== undefined && comparePositions(checkpoint, head) >= 0;
    };
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      if ((await applicationsCaughtUp()) && (await this.infra.bus.appliedAll(busProjectionGroup('listings', seekersProjection), SEEKER_TOPICS))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('a read model the ranking reads is behind what it follows; the close is retried on the next run');
  }
}
