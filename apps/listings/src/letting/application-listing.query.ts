import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { NotFound, PG_POOL, type AuthenticatedUser } from '@bostadsko/platform';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { seekerStream } from '../applications/seeker.events.js';
import { isStaff } from './letting.access.js';

/** The listing and applicant of an application the caller may answer or see: a seeker their own, staff any; 404 for anything else. */
export class ApplicationListing extends Query<{ listingId: string; applicantId: string }> {
  constructor(
    readonly user: AuthenticatedUser,
    readonly applicationId: string,
  ) {
    super();
  }
}

@QueryHandler(ApplicationListing)
export class ApplicationListingHandler implements IQueryHandler<ApplicationListing, { listingId: string; applicantId: string }> {
  constructor(
    private readonly seekers: SeekerHandler,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /** The seeker's own application from their own stream; staff find any through the participants read model. */
  async execute({ user, applicationId }: ApplicationListing): Promise<{ listingId: string; applicantId: string }> {
    if (user.roles.includes('applicant')) {
      const { state } = await this.seekers.load(seekerStream(user.id));
      const application = state.applications[applicationId];
      if (application) return { listingId: application.listingId, applicantId: user.id };
    }
    if (isStaff(user)) {
      const { rows } = await this.pool.query<{ listing_id: string; applicant_id: string }>('SELECT listing_id, applicant_id FROM listings.letting_participants WHERE application_id = $1', [
        applicationId,
      ]);
      if (rows[0]) return { listingId: rows[0].listing_id, applicantId: rows[0].applicant_id };
    }
    throw new NotFound('No such application of yours');
  }
}
