import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Loaded } from '@bostadsko/command-handling';
import { NotFound } from '@bostadsko/platform';
import { CASES } from '../landlords.tokens.js';
import type { CaseState } from './case.decider.js';
import { caseStream } from './case.events.js';
import type { Cases } from './case.stream.js';
import { LandlordCaseRow } from './cases.entity.js';

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
  constructor(private readonly readModels: DataSource) {}

  async execute({ landlordId, status }: CaseList): Promise<Array<Record<string, unknown>>> {
    const rows = await this.readModels.getRepository(LandlordCaseRow).find({
      select: { caseId: true, landlordId: true, category: true, subject: true, status: true, registeredAt: true, updatedAt: true },
      where: { ...(landlordId !== null && { landlordId }), ...(status !== undefined && { status }) },
      order: { registeredAt: 'DESC' },
      take: 500,
    });
    return rows.map((row) => ({
      caseId: row.caseId,
      landlordId: row.landlordId,
      category: row.category,
      subject: row.subject,
      status: row.status,
      registeredAt: row.registeredAt,
      updatedAt: row.updatedAt,
    }));
  }
}
