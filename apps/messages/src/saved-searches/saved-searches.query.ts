import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { ListingType } from '@bostadsko/contracts';
import type { AlertMode, SearchFilters } from './saved-search.events.js';
import { SAVED_SEARCHES_TABLE } from './saved-searches.projection.js';

export interface SavedSearchView extends SearchFilters {
  readonly searchId: string;
  readonly alerts: AlertMode;
  readonly savedAt: string;
}

interface Row {
  readonly search_id: string;
  readonly municipality: string | null;
  readonly district: string | null;
  readonly rooms_min: string | null;
  readonly rooms_max: string | null;
  readonly rent_min: string | null;
  readonly rent_max: string | null;
  readonly area_min: string | null;
  readonly area_max: string | null;
  readonly move_in_from: string | null;
  readonly move_in_to: string | null;
  readonly list_types: ListingType[];
  readonly alerts: AlertMode;
  readonly saved_at: Date;
}

const number = (v: string | null) => (v === null ? null : Number(v));

/** A seeker's saved searches, oldest first (the order they were made in). */
export class SavedSearchesOf extends Query<SavedSearchView[]> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(SavedSearchesOf)
export class SavedSearchesOfHandler implements IQueryHandler<SavedSearchesOf, SavedSearchView[]> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async execute({ applicantId }: SavedSearchesOf): Promise<SavedSearchView[]> {
    const { rows } = await this.infra.pool.query<Row>(
      `SELECT *, to_char(move_in_from, 'YYYY-MM-DD') AS move_in_from, to_char(move_in_to, 'YYYY-MM-DD') AS move_in_to
     FROM ${SAVED_SEARCHES_TABLE} WHERE applicant_id = $1 ORDER BY saved_at, search_id`,
      [applicantId],
    );
    return rows.map((r) => ({
      searchId: r.search_id,
      municipality: r.municipality,
      district: r.district,
      roomsMin: number(r.rooms_min),
      roomsMax: number(r.rooms_max),
      rentMin: number(r.rent_min),
      rentMax: number(r.rent_max),
      areaMin: number(r.area_min),
      areaMax: number(r.area_max),
      moveInFrom: r.move_in_from,
      moveInTo: r.move_in_to,
      listTypes: r.list_types,
      alerts: r.alerts,
      savedAt: r.saved_at.toISOString(),
    }));
  }
}
