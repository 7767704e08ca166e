import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FastRoutes, type BodySchema } from '@bostadsko/platform';
import { QueryBus } from '@nestjs/cqrs';
import { OneOfMyApplications } from './application.queries.js';

const PARAMS: BodySchema = { type: 'object', required: ['applicationId'], properties: { applicationId: { type: 'string', format: 'uuid' } } };

/**
 * GET /applications/:applicationId: a seeker's application with the current
 * place ("place 3 of 57"). A FastRoute: seekers look at their place again and
 * again, most of all on the day a popular listing is ranked.
 */
@Injectable()
export class OwnApplicationRoute implements OnModuleInit {
  constructor(
    private readonly routes: FastRoutes,
    private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    this.routes.register<undefined, { applicationId: string }, object>({
      method: 'GET',
      url: '/applications/:applicationId',
      roles: ['applicant'],
      params: PARAMS,
      status: 200,
      openApi: {
        operationId: 'OwnApplicationRoute_get',
        tags: ['applications'],
        summary: 'One of your applications with its current place',
        responses: { 200: 'The application, its listing and your place, e.g. "place 3 of 57"', 404: 'No such application among yours' },
      },
      handle: (user, { params }) => this.queries.execute(new OneOfMyApplications(user, params.applicationId)),
    });
  }
}
