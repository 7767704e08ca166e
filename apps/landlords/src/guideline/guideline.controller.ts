import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { etagOf, NotFound, revisionFromIfMatch, Roles } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { requireAdministrator, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import { Clock } from '@bostadsko/clock';
import { LandlordService } from '../organisation/landlord.service.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { stockholmDate } from '@bostadsko/calendar';
import { commandContext, type Reply } from '../shared/context.js';
import { decideGuideline, evolveGuideline, guidelineOn, initialGuideline, requirementsFor, type ChangeGuideline, type GuidelineState } from './guideline.decider.js';
import { ChangeGuidelineDto, OnQuery, toRequirements } from './guideline.dto.js';
import { guidelineStream, type GuidelineEvent } from './guideline.events.js';
import { LISTING_TYPES } from '@bostadsko/contracts';

/**
 * The landlord's letting guideline: its standard requirements that prefill new
 * listings. A change is a new version from a date; earlier versions stay visible.
 */
@ApiTags('landlords: letting guideline')
@ApiBearerAuth()
@Roles('landlord', 'staff', 'admin')
@Controller('landlords/:landlordId/guideline')
export class GuidelineController {
  private readonly store: AggregateStore<ChangeGuideline, GuidelineEvent, GuidelineState>;

  constructor(
    @Inject(INFRASTRUCTURE) infra: Infrastructure,
    private readonly landlords: LandlordService,
    private readonly clock: Clock,
  ) {
    this.store = new AggregateStore(infra, { decide: decideGuideline, evolve: evolveGuideline, initialState: initialGuideline });
  }

  @Get()
  @ApiOkResponse({ description: 'The version in force on the date, with what each listing type is prefilled with, and an ETag' })
  async current(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: OnQuery, @Res({ passthrough: true }) reply: Reply) {
    requireMember(caller, landlordId);
    await this.landlords.existing(landlordId);
    const { state, revision } = await this.store.load(guidelineStream(landlordId));
    const on = query.on ?? stockholmDate(this.clock.now());
    const version = guidelineOn(state, on);
    if (!version) throw new NotFound(`The landlord has no letting guideline in force on ${on}`);
    if (revision !== undefined) reply.header('etag', etagOf(revision));
    const prefill = Object.fromEntries(LISTING_TYPES.map((type) => [type, requirementsFor(version, type)]));
    return { landlordId, on, ...version, prefill, scheduled: state.versions.filter((v) => v.effectiveFrom > on) };
  }

  @Get('history')
  @ApiOkResponse({ description: 'Every version ever recorded, oldest first, with who changed it and why' })
  async history(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string) {
    requireMember(caller, landlordId);
    await this.landlords.existing(landlordId);
    return (await this.store.load(guidelineStream(landlordId))).state.versions;
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a new version of the guideline, effective for listings published from a date' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag from GET; a stale one gives 412' })
  async change(
    @CurrentCaller() caller: Caller,
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Body() body: ChangeGuidelineDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    requireAdministrator(caller, landlordId);
    const expectedRevision = revisionFromIfMatch(ifMatch);
    await this.landlords.existing(landlordId);
    const byListingType = Object.fromEntries(Object.entries(body.byListingType ?? {}).map(([type, r]) => [type, toRequirements(r)]));
    const command: ChangeGuideline = {
      type: 'change-guideline',
      landlordId,
      effectiveFrom: body.effectiveFrom,
      standard: toRequirements(body.standard),
      byListingType,
      reason: body.reason,
      changedBy: caller.id,
      now: this.clock.now(),
    };
    const result = await this.store.handle(guidelineStream(landlordId), command, commandContext(caller.id, expectedRevision));
    if (result.revision !== undefined) reply.header('etag', etagOf(result.revision));
    return result.state.versions.at(-1);
  }
}
