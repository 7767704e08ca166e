import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { NotFound, PG_POOL, Roles } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { isAgency, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import { Clock } from '@bostadsko/clock';
import { LandlordService } from '../organisation/landlord.service.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { commandContext } from '../shared/context.js';
import { decideCase, evolveCase, initialCase, type CaseCommand, type CaseState } from './case.decider.js';
import { CASE_CATEGORIES, caseStream, type CaseCategory, type CaseEvent } from './case.events.js';
import { CASES_TABLE } from './cases.projection.js';

const STATUSES = ['open', 'answered', 'closed'];

class RegisterCaseDto {
  @ApiProperty({ enum: CASE_CATEGORIES }) @IsIn(CASE_CATEGORIES) category: CaseCategory;
  @ApiProperty({ example: 'Export of applicants to our rental system' }) @IsString() @Length(3, 200) subject: string;
  @ApiProperty() @IsString() @Length(1, 10_000) description: string;
}

class TextDto {
  @ApiProperty() @IsString() @Length(1, 10_000) text: string;
}

class CaseListQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: string;
}

/**
 * Cases from landlords (process 3.2.2): improvement requests and questions.
 * The landlord registers and adds to them; staff answer and close; both see the whole history.
 */
@ApiTags('landlords: cases')
@ApiBearerAuth()
@Roles('landlord', 'staff', 'admin')
@Controller('landlords')
export class CasesController {
  private readonly store: AggregateStore<CaseCommand, CaseEvent, CaseState>;

  constructor(
    @Inject(INFRASTRUCTURE) infra: Infrastructure,
    private readonly landlords: LandlordService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {
    this.store = new AggregateStore(infra, { decide: decideCase, evolve: evolveCase, initialState: initialCase });
  }

  @Get('cases')
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: 'All landlords’ cases, e.g. ?status=open for the staff’s work queue' })
  async all(@Query() query: CaseListQuery) {
    return this.rows(null, query.status);
  }

  @Post(':landlordId/cases')
  @HttpCode(201)
  async register(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Body() body: RegisterCaseDto) {
    requireMember(caller, landlordId);
    await this.landlords.existing(landlordId);
    const caseId = randomUUID();
    await this.store.handle(caseStream(caseId), { type: 'register', caseId, landlordId, ...body, by: caller.id, now: this.clock.now() }, commandContext(caller.id));
    return { caseId, status: 'open' };
  }

  @Get(':landlordId/cases')
  async list(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: CaseListQuery) {
    requireMember(caller, landlordId);
    // Staff may name any landlord: one that does not exist is a 404, not an empty list.
    await this.landlords.existing(landlordId);
    return this.rows(landlordId, query.status);
  }

  @Get(':landlordId/cases/:caseId')
  @ApiOkResponse({ description: 'The case and its whole history, as both sides see it' })
  async get(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('caseId', ParseUUIDPipe) caseId: string) {
    requireMember(caller, landlordId);
    const { state, events } = await this.owned(landlordId, caseId);
    return {
      ...state,
      history: events.map((e) => ({ type: e.type, at: e.recordedAt.toISOString(), by: e.metadata.actor ?? null, data: e.data })),
    };
  }

  @Post(':landlordId/cases/:caseId/messages')
  @HttpCode(201)
  @ApiOperation({ summary: 'Either side adds to an open case; a landlord message reopens an answered case' })
  async message(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: TextDto) {
    requireMember(caller, landlordId);
    await this.owned(landlordId, caseId);
    const result = await this.store.handle(
      caseStream(caseId),
      { type: 'add-message', from: isAgency(caller) ? 'agency' : 'landlord', text: body.text, by: caller.id, now: this.clock.now() },
      commandContext(caller.id),
    );
    return { caseId, status: result.state.status };
  }

  @Post(':landlordId/cases/:caseId/answer')
  @Roles('staff', 'admin')
  @HttpCode(200)
  async answer(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: TextDto) {
    await this.owned(landlordId, caseId);
    const result = await this.store.handle(caseStream(caseId), { type: 'answer', answer: body.text, by: caller.id, now: this.clock.now() }, commandContext(caller.id));
    return { caseId, status: result.state.status };
  }

  @Post(':landlordId/cases/:caseId/close')
  @Roles('staff', 'admin')
  @HttpCode(200)
  async close(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: TextDto) {
    await this.owned(landlordId, caseId);
    const result = await this.store.handle(caseStream(caseId), { type: 'close', resolution: body.text, by: caller.id, now: this.clock.now() }, commandContext(caller.id));
    return { caseId, status: result.state.status };
  }

  /** A case is found only under its own landlord, so another landlord's id cannot reach it. */
  private async owned(landlordId: string, caseId: string) {
    const loaded = await this.store.load(caseStream(caseId));
    if (loaded.state.status === 'none' || loaded.state.landlordId !== landlordId) throw new NotFound('The landlord has no such case');
    return loaded as typeof loaded & { state: Exclude<CaseState, { status: 'none' }> };
  }

  private async rows(landlordId: string | null, status: string | undefined) {
    const { rows } = await this.pool.query(
      `SELECT case_id AS "caseId", landlord_id AS "landlordId", category, subject, status, registered_at AS "registeredAt", updated_at AS "updatedAt"
       FROM ${CASES_TABLE} WHERE ($1::uuid IS NULL OR landlord_id = $1) AND ($2::text IS NULL OR status = $2) ORDER BY registered_at DESC LIMIT 500`,
      [landlordId, status ?? null],
    );
    return rows;
  }
}
