import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { stockholmDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { ListingType } from '@bostadsko/contracts';
import { NotFound, PG_POOL } from '@bostadsko/platform';
import { methodFor } from '../ranking/rank.js';
import { landlordTimelines } from '../read-models/landlords.projection.js';
import { LISTING_COLUMNS, listingView, type ListingRow } from '../search/listing-view.js';
import type { SearchListingsQuery } from '../search/search.dto.js';
import { searchListings } from '../search/search.query.js';
import { ListingReader } from './listing.reader.js';
import type { Requirements } from './listing.events.js';
import { requirementsFor } from './requirements-template.js';

/** GET /listings: open listings, filtered, sorted and paged. */
export class SearchListings extends Query<Awaited<ReturnType<typeof searchListings>>> {
  constructor(readonly query: SearchListingsQuery) {
    super();
  }
}

/** GET /listings/:id: the flat, its requirements, dates, status and how it is allocated. */
export class ListingDetails extends Query<ReturnType<typeof detailsOf>> {
  constructor(readonly listingId: string) {
    super();
  }
}

/** GET /listings/mine: a landlord's own listings, every status, newest first. */
export class LandlordsListings extends Query<ReturnType<typeof listingView>[]> {
  constructor(
    readonly landlordId: string,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}

/** GET /listings/requirements-template: the requirements the landlord's letting guideline in force today gives a listing type. */
export class RequirementsTemplate extends Query<Requirements> {
  constructor(
    readonly landlordId: string,
    readonly listingType: ListingType,
  ) {
    super();
  }
}

/** GET /listings/in-progress: for staff, listings past their deadline and not yet closed, and ranked ones being let. */
export class ListingsInProgress extends Query<ReturnType<typeof listingView>[]> {
  constructor(
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}

@QueryHandler(ListingsInProgress)
export class ListingsInProgressHandler implements IQueryHandler<ListingsInProgress> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async execute({ page, pageSize }: ListingsInProgress) {
    const { rows } = await this.pool.query<ListingRow>(
      `SELECT ${LISTING_COLUMNS} FROM listings.listings WHERE status = 'ranked' OR (status = 'open' AND deadline < $1) ORDER BY deadline, listing_id LIMIT $2 OFFSET $3`,
      [stockholmDate(this.clock.now()), pageSize, (page - 1) * pageSize],
    );
    return rows.map(listingView);
  }
}

@QueryHandler(SearchListings)
export class SearchListingsHandler implements IQueryHandler<SearchListings> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  execute({ query }: SearchListings) {
    return searchListings(this.pool, query, stockholmDate(this.clock.now()));
  }
}

@QueryHandler(ListingDetails)
export class ListingDetailsHandler implements IQueryHandler<ListingDetails> {
  constructor(private readonly reader: ListingReader) {}

  async execute({ listingId }: ListingDetails) {
    const listing = await this.reader.get(listingId);
    if (!listing) throw new NotFound('No such listing');
    return detailsOf(listingId, listing);
  }
}

@QueryHandler(LandlordsListings)
export class LandlordsListingsHandler implements IQueryHandler<LandlordsListings> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async execute({ landlordId, page, pageSize }: LandlordsListings) {
    const { rows } = await this.pool.query<ListingRow>(`SELECT ${LISTING_COLUMNS} FROM listings.listings WHERE landlord_id = $1 ORDER BY published_at DESC, listing_id LIMIT $2 OFFSET $3`, [
      landlordId,
      pageSize,
      (page - 1) * pageSize,
    ]);
    return rows.map(listingView);
  }
}

@QueryHandler(RequirementsTemplate)
export class RequirementsTemplateHandler implements IQueryHandler<RequirementsTemplate> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId, listingType }: RequirementsTemplate) {
    const { guidelines } = await landlordTimelines(this.pool, landlordId);
    return requirementsFor(guidelines, listingType, stockholmDate(this.clock.now()));
  }
}

function detailsOf(listingId: string, listing: NonNullable<Awaited<ReturnType<ListingReader['get']>>>) {
  const { published, ranked } = listing;
  return {
    listingId,
    landlordId: published.landlordId,
    status: listing.status,
    ...published.flat,
    requirements: published.requirements,
    applicationDeadline: published.applicationDeadline,
    publishedOn: published.publishedOn,
    // How the listing will be allocated, so a listing page needs no second call for it.
    allocationMethod: methodFor(published.flat.listingType),
    ...(published.lotterySeedHash && { lotterySeedHash: published.lotterySeedHash }),
    ...(ranked && { applications: ranked.applications, eligible: ranked.ranking.length, rankedAt: ranked.rankedAt, ...(ranked.lotterySeed && { lotterySeed: ranked.lotterySeed }) }),
    ...(listing.withdrawn && { endedOn: listing.withdrawn.on, endedReason: listing.withdrawn.reason }),
  };
}
