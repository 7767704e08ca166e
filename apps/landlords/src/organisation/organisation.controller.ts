import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type pg from 'pg';
import { IsCalendarDate, etagOf, PG_POOL, Public, revisionFromIfMatch, Roles } from '../../../../libs/platform/src/index.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AgreementStatusOf, OrganisationHistory, OrganisationOf } from './organisation.queries.js';
import { requireAdministrator, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import { Clock } from '../../../../libs/clock/src/index.js';
import { stockholmDate } from '../../../../libs/calendar/src/calendar.js';
import { commandContext } from '../../../../libs/platform/src/index.js';
import type { Reply } from '../shared/context.js';
import { agreementStatusOn } from './landlord.decider.js';
import { ChangeLandlordContact } from './change-landlord-contact.handler.js';
import { RegisterLandlord } from './register-landlord.handler.js';
import type { Registered } from './landlord.service.js';
import { ChangeContactDto, RegisterLandlordDto } from './organisation.dto.js';
import { parseOrganisationNumber } from './organisation-number.js';
import { ORGANISATIONS_TABLE } from './organisations.projection.js';

class ListQuery {
  @ApiPropertyOptional({ enum: ['interested', 'active', 'suspended', 'terminated'] })
  @IsOptional()
  @IsIn(['interested', 'active', 'suspended', 'terminated'])
  status?: string;
}

class OnQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Defaults to today (Stockholm)' }) @IsOptional() @IsCalendarDate() on?: string;
}

@ApiTags('landlords: organisations')
@ApiBearerAuth()
@Roles('landlord', 'staff', 'admin')
@Controller('landlords')
export class OrganisationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'A landlord organisation expresses interest in letting through the agency' })
  @ApiCreatedResponse({ description: 'The new landlord id' })
  async register(@Body() body: RegisterLandlordDto) {
    const organisationNumber = (parseOrganisationNumber(body.organisationNumber) as { value: string }).value;
    return this.commands.execute(new RegisterLandlord(body.name, organisationNumber, body.contact, commandContext('interest-form')));
  }

  @Get()
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: 'Every landlord with its agreement status today (staff)' })
  async list(@Query() query: ListQuery) {
    const { rows } = await this.pool.query<{ state: Registered }>(`SELECT state FROM ${ORGANISATIONS_TABLE} ORDER BY name, landlord_id`);
    const today = stockholmDate(this.clock.now());
    // Statuses change with the date, not only with events, so they are worked out for today here.
    return rows
      .map(({ state }) => {
        const status = agreementStatusOn(state, today);
        return { landlordId: state.landlordId, name: state.name, organisationNumber: state.organisationNumber, registeredOn: state.registeredOn, status: status === 'none' ? 'interested' : status };
      })
      .filter((row) => !query.status || row.status === query.status);
  }

  @Get(':landlordId')
  @ApiOkResponse({ description: 'The organisation, its agreements and contact, with an ETag for If-Match on edits' })
  async get(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Res({ passthrough: true }) reply: Reply) {
    requireMember(caller, landlordId);
    const { organisation, revision } = await this.queries.execute(new OrganisationOf(landlordId));
    reply.header('etag', etagOf(revision));
    return organisation;
  }

  @Get(':landlordId/agreement-status')
  @ApiOkResponse({ description: 'The agreement status on a date and whether the landlord may publish then' })
  async status(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: OnQuery) {
    requireMember(caller, landlordId);
    return this.queries.execute(new AgreementStatusOf(landlordId, query.on));
  }

  @Get(':landlordId/history')
  @ApiOkResponse({ description: 'Every recorded fact about the organisation: what, when and who' })
  async history(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string) {
    requireMember(caller, landlordId);
    return this.queries.execute(new OrganisationHistory(landlordId));
  }

  @Patch(':landlordId/contact')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag from GET; a stale one gives 412' })
  async changeContact(
    @CurrentCaller() caller: Caller,
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Body() body: ChangeContactDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    requireAdministrator(caller, landlordId);
    const expectedRevision = revisionFromIfMatch(ifMatch);
    const { revision } = await this.commands.execute(new ChangeLandlordContact(landlordId, body.contact, commandContext(caller.id, expectedRevision)));
    if (revision !== undefined) reply.header('etag', etagOf(revision));
    return { landlordId, contact: body.contact };
  }
}
