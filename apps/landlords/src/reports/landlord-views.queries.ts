import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@bostadsko/platform';
import { landlordListings, landlordProposals } from '../listings/listing-views.query.js';
import { lettingReport, vacancyReport } from './reports.query.js';

type Page = Parameters<typeof landlordListings>[3];
type Listings = Awaited<ReturnType<typeof landlordListings>>;
type Proposals = Awaited<ReturnType<typeof landlordProposals>>;
type Letting = Awaited<ReturnType<typeof lettingReport>>;
type Vacancy = Awaited<ReturnType<typeof vacancyReport>>;

/** A landlord's listings with their state, a page of them. */
export class LandlordListings extends Query<Listings> {
  constructor(
    readonly landlordId: string,
    readonly state: string | undefined,
    readonly page: Page,
  ) {
    super();
  }
}

/** The applicants proposed to a landlord (place, household size, verification; no contact data), a page of them. */
export class LandlordProposals extends Query<Proposals> {
  constructor(
    readonly landlordId: string,
    readonly listingId: string | undefined,
    readonly pending: boolean,
    readonly page: Page,
  ) {
    super();
  }
}

/** A landlord's flats let in a period: days to let and applications per listing. */
export class LandlordLettingReport extends Query<Letting> {
  constructor(
    readonly landlordId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

/** A landlord's flats advertised and not yet let on a date, with days vacant. */
export class LandlordVacancyReport extends Query<Vacancy> {
  constructor(
    readonly landlordId: string,
    readonly on: string,
  ) {
    super();
  }
}

@QueryHandler(LandlordListings)
export class LandlordListingsHandler implements IQueryHandler<LandlordListings, Listings> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ landlordId, state, page }: LandlordListings): Promise<Listings> {
    return landlordListings(this.pool, landlordId, state, page);
  }
}

@QueryHandler(LandlordProposals)
export class LandlordProposalsHandler implements IQueryHandler<LandlordProposals, Proposals> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ landlordId, listingId, pending, page }: LandlordProposals): Promise<Proposals> {
    return landlordProposals(this.pool, landlordId, listingId, pending, page);
  }
}

@QueryHandler(LandlordLettingReport)
export class LandlordLettingReportHandler implements IQueryHandler<LandlordLettingReport, Letting> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ landlordId, from, to }: LandlordLettingReport): Promise<Letting> {
    return lettingReport(this.pool, landlordId, from, to);
  }
}

@QueryHandler(LandlordVacancyReport)
export class LandlordVacancyReportHandler implements IQueryHandler<LandlordVacancyReport, Vacancy> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ landlordId, on }: LandlordVacancyReport): Promise<Vacancy> {
    return vacancyReport(this.pool, landlordId, on);
  }
}
