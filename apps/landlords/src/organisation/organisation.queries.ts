import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { agreementStatusOn, canPublishOn } from './landlord.decider.js';
import { LandlordService } from './landlord.service.js';
import { organisationView } from './organisation.view.js';
import { RegisteredOrganisation } from './organisations.entity.js';

interface OrganisationAnswer {
  readonly organisation: ReturnType<typeof organisationView> & { readonly contact: unknown };
  /** For the ETag that If-Match on edits names. */
  readonly revision: bigint;
}

interface OrganisationRow {
  readonly landlordId: string;
  readonly name: string;
  readonly organisationNumber: string;
  readonly registeredOn: string;
  readonly status: string;
}

/** Every landlord with its agreement status today, optionally only those in one status (staff). */
export class OrganisationList extends Query<OrganisationRow[]> {
  constructor(readonly status: string | undefined) {
    super();
  }
}

/** A landlord the caller names must exist: 404 otherwise, not an empty answer. */
export class ExistingLandlord extends Query<void> {
  constructor(readonly landlordId: string) {
    super();
  }
}

/** The organisation, its agreements and contact. */
export class OrganisationOf extends Query<OrganisationAnswer> {
  constructor(readonly landlordId: string) {
    super();
  }
}

/** The agreement status on a date, and whether the landlord may publish then. */
export class AgreementStatusOf extends Query<{ landlordId: string; on: IsoDate; status: string; canPublish: boolean }> {
  constructor(
    readonly landlordId: string,
    readonly on: IsoDate | undefined,
  ) {
    super();
  }
}

/** Every recorded fact about the organisation, readable: what, when and who. */
export class OrganisationHistory extends Query<Array<Record<string, unknown>>> {
  constructor(readonly landlordId: string) {
    super();
  }
}

@QueryHandler(ExistingLandlord)
export class ExistingLandlordHandler implements IQueryHandler<ExistingLandlord, void> {
  constructor(private readonly landlords: LandlordService) {}

  async execute({ landlordId }: ExistingLandlord): Promise<void> {
    await this.landlords.existing(landlordId);
  }
}

@QueryHandler(OrganisationOf)
export class OrganisationOfHandler implements IQueryHandler<OrganisationOf, OrganisationAnswer> {
  constructor(
    private readonly landlords: LandlordService,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId }: OrganisationOf): Promise<OrganisationAnswer> {
    const { state, revision, events } = await this.landlords.existing(landlordId);
    return { organisation: { ...organisationView(state, stockholmDate(this.clock.now())), contact: await this.landlords.contact(events) }, revision };
  }
}

@QueryHandler(AgreementStatusOf)
export class AgreementStatusOfHandler implements IQueryHandler<AgreementStatusOf, { landlordId: string; on: IsoDate; status: string; canPublish: boolean }> {
  constructor(
    private readonly landlords: LandlordService,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId, on: asked }: AgreementStatusOf) {
    const { state } = await this.landlords.existing(landlordId);
    const on = asked ?? stockholmDate(this.clock.now());
    return { landlordId, on, status: agreementStatusOn(state, on), canPublish: canPublishOn(state, on) };
  }
}

@QueryHandler(OrganisationHistory)
export class OrganisationHistoryHandler implements IQueryHandler<OrganisationHistory, Array<Record<string, unknown>>> {
  constructor(private readonly landlords: LandlordService) {}

  async execute({ landlordId }: OrganisationHistory): Promise<Array<Record<string, unknown>>> {
    const { events } = await this.landlords.existing(landlordId);
    return Promise.all(events.map((e) => this.landlords.readable(e)));
  }
}

@QueryHandler(OrganisationList)
export class OrganisationListHandler implements IQueryHandler<OrganisationList, OrganisationRow[]> {
  constructor(
    private readonly readModels: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ status: wanted }: OrganisationList): Promise<OrganisationRow[]> {
    const rows = await this.readModels.getRepository(RegisteredOrganisation).find({ select: { state: true }, order: { name: 'ASC', landlordId: 'ASC' } });
    const today = stockholmDate(this.clock.now());
    // Statuses change with the date, not only with events, so they are worked out for today here.
    return rows
      .map(({ state }) => {
        const status = agreementStatusOn(state, today);
        return { landlordId: state.landlordId, name: state.name, organisationNumber: state.organisationNumber, registeredOn: state.registeredOn, status: status === 'none' ? 'interested' : status };
      })
      .filter((row) => !wanted || row.status === wanted);
  }
}
