import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import type { Loaded } from '@bostadsko/command-handling';
import { NotFound, PG_POOL } from '@bostadsko/platform';
import { CASES } from '../landlords.tokens.js';
import type { CaseState } from './case.decider.js';
import { caseStream } from './case.events.js';
import type { Cases } from './case.stream.js';
import { CASES_TABLE } from './cases.projection.js';

type OwnedCase = Loaded<CaseState> & { readonly state: Exclude<CaseState, { status: 'none' }> };

/** A case with its whole history, found only under its own landlord, so another landlord's id cannot reach it. */
export class CaseOf extends Query<OwnedCase> {
  constructor(
    readonly landlordId: string,
    readonly caseId: string,
  ) {
    super();
  }
}

/** Cases newest first, of one landlord or (null) of all, optionally in one status. */
export class CaseList extends Query<Array<Record<string, unknown>>> {
  constructor(
    readonly landlordId: string | null,
    readonly status: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(CaseOf)
export class CaseOfHandler implements IQueryHandler<CaseOf, OwnedCase> {
  constructor(@Inject(CASES) private readonly cases: Cases) {}

  async execute({ landlordId, caseId }: CaseOf): Promise<OwnedCase> {
    const loaded = await this.cases.load(caseStream(caseId));
    if (loaded.state.status === 'none' || loaded.state.landlordId !== landlordId) throw new NotFound('The landlord has no such case');
    return loaded as OwnedCase;
  }
}

@QueryHandler(CaseList)
export class CaseListHandler implements IQueryHandler<CaseList, Array<Record<string, unknown>>> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async execute({ landlordId, status }: CaseList): Promise<Array<Record<string, unknown>>> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT case_id AS "caseId", landlord_id AS "landlordId", category, subject, status, registered_at AS "registeredAt", updated_at AS "updatedAt"
       FROM ${CASES_TABLE} WHERE ($1::uuid IS NULL OR landlord_id = $1) AND ($2::text IS NULL OR status = $2) ORDER BY registered_at DESC LIMIT 500`,
      [landlordId, status ?? null],
    );
    return rows;
  }
}
