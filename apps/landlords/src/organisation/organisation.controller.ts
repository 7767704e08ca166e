import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { IsCalendarDate, Conflict, etagOf, PG_POOL, Public, revisionFromIfMatch, Roles } from '@bostadsko/platform';
import { requireAdministrator, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import { VAULT } from '../landlords.tokens.js';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { Claims } from '../shared/claims.js';
import { commandContext, type Reply } from '../shared/context.js';
import { agreementStatusOn, canPublishOn, openAgreement } from './landlord.decider.js';
import { organisationNumberStream } from './landlord.events.js';
import { LandlordService, type Registered } from './landlord.service.js';
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

/** What a reader is shown of an organisation and its agreements. */
export function organisationView(state: Registered, today: string) {
  return {
    landlordId: state.landlordId,
    name: state.name,
    organisationNumber: state.organisationNumber,
    registeredOn: state.registeredOn,
    agreementStatus: agreementStatusOn(state, today),
    canPublishToday: canPublishOn(state, today),
    openAgreementId: openAgreement(state)?.agreementId ?? null,
    agreements: state.agreements,
    users: { active: Object.values(state.users).filter((u) => u.status === 'active').length },
  };
}

@ApiTags('landlords: organisations')
@ApiBearerAuth()
@Roles('landlord', 'staff', 'admin')
@Controller('landlords')
export class OrganisationController {
  constructor(
    private readonly landlords: LandlordService,
    private readonly claims: Claims,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
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
    const landlordId = randomUUID();
    const context = commandContext('interest-form');
    const claim = await this.claims.claim(organisationNumberStream(organisationNumber), { landlordId }, context.correlationId);
    if (!claim.fresh) throw new Conflict('An organisation with this organisation number is already registered', { type: 'https://bostadsko.se/problems/landlords/already-registered' });
    try {
      const contact = await this.vault.seal(landlordId, body.contact);
      await this.landlords.handle(landlordId, { type: 'register', landlordId, name: body.name, organisationNumber, contact, now: this.clock.now() }, context);
    } catch (error) {
      // The number is free again for a retry: a claim without its landlord would block the organisation for good.
      await this.claims.release(organisationNumberStream(organisationNumber), { landlordId }, context.correlationId);
      throw error;
    }
    return { landlordId, name: body.name, organisationNumber, status: 'interested' };
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
    const { state, revision, events } = await this.landlords.existing(landlordId);
    reply.header('etag', etagOf(revision));
    return { ...organisationView(state, stockholmDate(this.clock.now())), contact: await this.landlords.contact(events) };
  }

  @Get(':landlordId/agreement-status')
  @ApiOkResponse({ description: 'The agreement status on a date and whether the landlord may publish then' })
  async status(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: OnQuery) {
    requireMember(caller, landlordId);
    const { state } = await this.landlords.existing(landlordId);
    const on = query.on ?? stockholmDate(this.clock.now());
    return { landlordId, on, status: agreementStatusOn(state, on), canPublish: canPublishOn(state, on) };
  }

  @Get(':landlordId/history')
  @ApiOkResponse({ description: 'Every recorded fact about the organisation: what, when and who' })
  async history(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string) {
    requireMember(caller, landlordId);
    const { events } = await this.landlords.existing(landlordId);
    return Promise.all(events.map((e) => this.landlords.readable(e)));
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
    await this.landlords.existing(landlordId);
    const contact = await this.vault.seal(landlordId, body.contact);
    const result = await this.landlords.handle(landlordId, { type: 'change-contact', contact, changedBy: caller.id }, commandContext(caller.id, expectedRevision));
    if (result.revision !== undefined) reply.header('etag', etagOf(result.revision));
    return { landlordId, contact: body.contact };
  }
}
