import { Injectable, type OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FastRoutes, type BodySchema } from '@bostadsko/platform';
import { RankingPage } from './ranking.queries.js';

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
    private readonly queries: QueryBus,
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
        const page = await this.queries.execute(new RankingPage(params.listingId, query.page, query.pageSize));
        // Sent as PostgreSQL wrote it (RankingPage), so the type is set here.
        reply.header('content-type', 'application/json; charset=utf-8');
        return page;
      },
    });
  }
}
