import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import { Clock } from '@bostadsko/clock';
import { LISTING_TYPES } from '@bostadsko/contracts';
import { NotFound } from '@bostadsko/platform';
import { GUIDELINES } from '../landlords.tokens.js';
import { LandlordService } from '../organisation/landlord.service.js';
import { guidelineOn, requirementsFor } from './guideline.decider.js';
import { guidelineStream, type GuidelineVersion } from './guideline.events.js';
import type { Guidelines } from './guideline.stream.js';

interface GuidelineInForce {
  readonly guideline: Record<string, unknown>;
  /** For the ETag that If-Match on a change names; undefined before the first version. */
  readonly revision: bigint | undefined;
}

/** The version in force on a date, with what each listing type is prefilled with, and the versions scheduled after it. */
export class GuidelineOn extends Query<GuidelineInForce> {
  constructor(
    readonly landlordId: string,
    readonly on: IsoDate | undefined,
  ) {
    super();
  }
}

/** Every version ever recorded, oldest first. */
export class GuidelineHistory extends Query<readonly GuidelineVersion[]> {
  constructor(readonly landlordId: string) {
    super();
  }
}

@QueryHandler(GuidelineOn)
export class GuidelineOnHandler implements IQueryHandler<GuidelineOn, GuidelineInForce> {
  constructor(
    @Inject(GUIDELINES) private readonly guidelines: Guidelines,
    private readonly landlords: LandlordService,
    private readonly clock: Clock,
  ) {}

  async execute({ landlordId, on: asked }: GuidelineOn): Promise<GuidelineInForce> {
    await this.landlords.existing(landlordId);
    const { state, revision } = await this.guidelines.load(guidelineStream(landlordId));
    const on = asked ?? stockholmDate(this.clock.now());
    const version = guidelineOn(state, on);
    if (!version) throw new NotFound(`The landlord has no letting guideline in force on ${on}`);
    const prefill = Object.fromEntries(LISTING_TYPES.map((type) => [type, requirementsFor(version, type)]));
    return { guideline: { landlordId, on, ...version, prefill, scheduled: state.versions.filter((v) => v.effectiveFrom > on) }, revision };
  }
}

@QueryHandler(GuidelineHistory)
export class GuidelineHistoryHandler implements IQueryHandler<GuidelineHistory, readonly GuidelineVersion[]> {
  constructor(
    @Inject(GUIDELINES) private readonly guidelines: Guidelines,
    private readonly landlords: LandlordService,
  ) {}

  async execute({ landlordId }: GuidelineHistory): Promise<readonly GuidelineVersion[]> {
    await this.landlords.existing(landlordId);
    return (await this.guidelines.load(guidelineStream(landlordId))).state.versions;
  }
}
