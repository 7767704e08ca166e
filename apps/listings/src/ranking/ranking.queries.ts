import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { NotFound, PG_POOL, type AuthenticatedUser } from '@bostadsko/platform';
import { ExplanationService } from './explanation.service.js';

/**
 * GET /listings/:id/ranking (a fast route): a page of the decided ranking with
 * applicant ids, as the JSON text PostgreSQL builds: parsing and re-serialising
 * a hundred places would only cost time.
 */
export class RankingPage extends Query<string> {
  constructor(
    readonly listingId: string,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}

/** GET /listings/:id/explanation: rules, method, exclusions and places (with ids for staff). */
export class ListingExplanation extends Query<Awaited<ReturnType<ExplanationService['forListing']>>> {
  constructor(
    readonly listingId: string,
    readonly user: AuthenticatedUser | undefined,
    readonly page: number | undefined,
    readonly pageSize: number | undefined,
  ) {
    super();
  }
}

/** GET /applications/:id/explanation: the seeker's own place and why. */
export class ApplicationExplanation extends Query<Awaited<ReturnType<ExplanationService['forApplication']>>> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly applicationId: string,
  ) {
    super();
  }
}

@QueryHandler(RankingPage)
export class RankingPageHandler implements IQueryHandler<RankingPage, string> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async execute({ listingId, page, pageSize }: RankingPage): Promise<string> {
    const from = (page - 1) * pageSize;
    // One round trip: the listing's status and count with the page of places, built as JSON by PostgreSQL.
    const { rows } = await this.pool.query<{ status: string; eligible: number | null; ranking: string }>({
      name: 'listings.ranking-page',
      text: `SELECT l.status, l.eligible, coalesce((
          SELECT json_agg(json_build_object('place', r.place, 'applicationId', r.application_id, 'applicantId', r.applicant_id, 'queueDays', r.queue_days,
            'queueStartDate', r.queue_start_date, 'appliedAt', r.applied_at) ORDER BY r.place)
          FROM listings.ranking r WHERE r.listing_id = l.listing_id AND r.place > $2 AND r.place <= $3)::text, '[]') AS ranking
        FROM listings.listings l WHERE l.listing_id = $1`,
      values: [listingId, from, from + pageSize],
    });
    if (!rows[0]) throw new NotFound('No such listing');
    const head = JSON.stringify({ listingId, status: rows[0].status, eligible: rows[0].eligible, page, pageSize });
    return `${head.slice(0, -1)},"ranking":${rows[0].ranking}}`;
  }
}

@QueryHandler(ListingExplanation)
export class ListingExplanationHandler implements IQueryHandler<ListingExplanation> {
  constructor(private readonly explanations: ExplanationService) {}

  execute({ listingId, user, page, pageSize }: ListingExplanation) {
    return this.explanations.forListing(listingId, user, page, pageSize);
  }
}

@QueryHandler(ApplicationExplanation)
export class ApplicationExplanationHandler implements IQueryHandler<ApplicationExplanation> {
  constructor(private readonly explanations: ExplanationService) {}

  execute({ user, applicationId }: ApplicationExplanation) {
    return this.explanations.forApplication(user, applicationId);
  }
}
