import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { FastRoutes, NotFound, PG_POOL, type BodySchema } from '@bostadsko/platform';

interface Page {
  readonly page: number;
  readonly pageSize: number;
}

const PARAMS: BodySchema = { type: 'object', required: ['listingId'], properties: { listingId: { type: 'string', format: 'uuid' } } };
const QUERY: BodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { page: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
};

/**
 * The decided ranking with applicant ids, a page at a time, for staff (landlords
 * see only the applicants proposed to them). A FastRoute: staff page through
 * long rankings while explaining them, and each page is one query.
 */
@Injectable()
export class RankingPageRoute implements OnModuleInit {
  constructor(
    private readonly routes: FastRoutes,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  onModuleInit(): void {
    this.routes.register<undefined, { listingId: string }, Page>({
      method: 'GET',
      url: '/listings/:listingId/ranking',
      roles: ['staff', 'admin'],
      params: PARAMS,
      query: QUERY,
      status: 200,
      openApi: {
        operationId: 'RankingPageRoute_get',
        tags: ['ranking'],
        summary: 'The decided ranking with applicant ids, a page at a time',
        responses: { 200: 'A page of places', 404: 'No such listing' },
      },
      handle: async (_user, { params, query }, reply) => {
        const from = (query.page - 1) * query.pageSize;
        // One round trip: the listing's status and count with the page of places, built as JSON by PostgreSQL.
        const { rows } = await this.pool.query<{ status: string; eligible: number | null; ranking: string }>({
          name: 'listings.ranking-page',
          text: `SELECT l.status, l.eligible, coalesce((
              SELECT json_agg(json_build_object('place', r.place, 'applicationId', r.application_id, 'applicantId', r.applicant_id, 'queueDays', r.queue_days,
                'queueStartDate', r.queue_start_date, 'appliedAt', r.applied_at) ORDER BY r.place)
              FROM listings.ranking r WHERE r.listing_id = l.listing_id AND r.place > $2 AND r.place <= $3)::text, '[]') AS ranking
            FROM listings.listings l WHERE l.listing_id = $1`,
          values: [params.listingId, from, from + query.pageSize],
        });
        if (!rows[0]) throw new NotFound('No such listing');
        // The page is sent as PostgreSQL wrote it: parsing and re-serialising a hundred places would only cost time.
        reply.header('content-type', 'application/json; charset=utf-8');
        const head = JSON.stringify({ listingId: params.listingId, status: rows[0].status, eligible: rows[0].eligible, page: query.page, pageSize: query.pageSize });
        return `${head.slice(0, -1)},"ranking":${rows[0].ranking}}`;
      },
    });
  }
}
