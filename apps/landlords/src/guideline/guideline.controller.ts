import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { etagOf, NotFound, revisionFromIfMatch, Roles } from '../../../../libs/platform/src/index.js';
import { requireAdministrator, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import { Clock } from '../../../../libs/clock/src/index.js';
import { LandlordService } from '../organisation/landlord.service.js';
import { CommandBus } from '@nestjs/cqrs';
import { GUIDELINES } from '../landlords.tokens.js';
import { ChangeGuideline } from './change-guideline.handler.js';
import { stockholmDate } from '../../../../libs/calendar/src/calendar.js';
import { commandContext } from '../../../../libs/platform/src/index.js';
import type { Reply } from '../shared/context.js';
import { guidelineOn, requirementsFor } from './guideline.decider.js';
import type { Guidelines } from './guideline.stream.js';
import { ChangeGuidelineDto, OnQuery, toRequirements } from './guideline.dto.js';
import { guidelineStream } from './guideline.events.js';
import { LISTING_TYPES } from '../../../../libs/contracts/src/index.js';

/**
 * The landlord's letting guideline: its standard requirements that prefill new
 * listings. A change is a new version from a date; earlier versions stay visible.
 */
@ApiTags('landlords: letting guideline')
@ApiBearerAuth()
@Roles('landlord', 'staff', 'admin')
@Controller('landlords/:landlordId/guideline')
export class GuidelineController {
  constructor(
    @Inject(GUIDELINES) private readonly store: Guidelines,
    private readonly commands: CommandBus,
    private readonly landlords: LandlordService,
    private readonly clock: Clock,
  ) {}

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
    const byListingType = Object.fromEntries(Object.entries(body.byListingType ?? {}).map(([type, r]) => [type, toRequirements(r)]));
    const change = { landlordId, effectiveFrom: body.effectiveFrom, standard: toRequirements(body.standard), byListingType, reason: body.reason };
    const result = await this.commands.execute(new ChangeGuideline(change, commandContext(caller.id, expectedRevision)));
    if (result.revision !== undefined) reply.header('etag', etagOf(result.revision));
    return result.state.versions.at(-1);
  }
}
