import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { commandContext, IsCalendarDate, etagOf, Public, revisionFromIfMatch, Roles } from '@bostadsko/platform';
import { requireAdministrator, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import type { Reply } from '../shared/context.js';
import { ChangeLandlordContact } from './change-landlord-contact.handler.js';
import { ChangeContactDto, RegisterLandlordDto } from './organisation.dto.js';
import { parseOrganisationNumber } from './organisation-number.js';
import { AgreementStatusOf, OrganisationHistory, OrganisationList, OrganisationOf } from './organisation.queries.js';
import { RegisterLandlord } from './register-landlord.handler.js';

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
    return this.queries.execute(new OrganisationList(query.status));
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
