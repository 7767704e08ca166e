import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { NotFound, PG_POOL } from '@bostadsko/platform';
import { ApplicantService } from '../applicant/applicant.service.js';
import { currentDetails, readable, shown } from '../applicant/personal-details.js';
import { VAULT } from '../applicants.tokens.js';
import { queueStanding, type QueueStanding } from './queue-time.query.js';

interface AccountView {
  readonly account: Record<string, unknown>;
  /** For the ETag that If-Match on edits names. */
  readonly revision: bigint;
}

/** The account as its holder (or staff) sees it: status, queue start, queue days today and contact details. */
export class AccountOf extends Query<AccountView> {
  constructor(readonly applicantId: string) {
    super();
  }
}

/** Queue days on a date, from the queue-time read model. */
export class QueueTimeOf extends Query<QueueStanding> {
  constructor(
    readonly applicantId: string,
    readonly asOf: IsoDate | undefined,
  ) {
    super();
  }
}

/** Every recorded fact and decision about the account, readable: what, when, who decided and why. */
export class AccountHistory extends Query<Array<Record<string, unknown>>> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(AccountOf)
export class AccountOfHandler implements IQueryHandler<AccountOf, AccountView> {
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId }: AccountOf): Promise<AccountView> {
    const { state, revision, events } = await this.applicants.load(applicantId);
    if (state.status === 'none' || revision === undefined) throw new NotFound('No such account');
    const today = stockholmDate(this.clock.now());
    const account = {
      applicantId,
      status: state.status,
      registeredOn: state.registeredOn,
      queueStartDate: state.queueStartDate,
      queueDays: (await queueStanding(this.pool, applicantId, today))?.queueDays ?? 0,
      personal: shown(await currentDetails(this.vault, events)),
    };
    return { account, revision };
  }
}

@QueryHandler(QueueTimeOf)
export class QueueTimeOfHandler implements IQueryHandler<QueueTimeOf, QueueStanding> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId, asOf }: QueueTimeOf): Promise<QueueStanding> {
    const standing = await queueStanding(this.pool, applicantId, asOf ?? stockholmDate(this.clock.now()));
    if (!standing) throw new NotFound('No such account (or it is not yet in the queue-time read model)');
    return standing;
  }
}

@QueryHandler(AccountHistory)
export class AccountHistoryHandler implements IQueryHandler<AccountHistory, Array<Record<string, unknown>>> {
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ applicantId }: AccountHistory): Promise<Array<Record<string, unknown>>> {
    const { state, events } = await this.applicants.load(applicantId);
    if (state.status === 'none') throw new NotFound('No such account');
    return Promise.all(events.map((e) => readable(this.vault, e)));
  }
}
