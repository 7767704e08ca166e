import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { commandContext, etagOf, revisionFromIfMatch, Roles } from '@bostadsko/platform';
import { requireAdministrator, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import type { Reply } from '../shared/context.js';
import { ChangeGuideline } from './change-guideline.handler.js';
import { ChangeGuidelineDto, OnQuery, toRequirements } from './guideline.dto.js';
import { GuidelineHistory, GuidelineOn } from './guideline.queries.js';

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
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The version in force on the date, with what each listing type is prefilled with, and an ETag' })
  async current(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: OnQuery, @Res({ passthrough: true }) reply: Reply) {
    requireMember(caller, landlordId);
    const { guideline, revision } = await this.queries.execute(new GuidelineOn(landlordId, query.on));
    if (revision !== undefined) reply.header('etag', etagOf(revision));
    return guideline;
  }

  @Get('history')
  @ApiOkResponse({ description: 'Every version ever recorded, oldest first, with who changed it and why' })
  async history(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string) {
    requireMember(caller, landlordId);
    return this.queries.execute(new GuidelineHistory(landlordId));
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
