import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, HttpCode } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { newStreamId } from '@bostadsko/command-handling';
import { commandContext, Roles } from '@bostadsko/platform';
import { isAgency, requireMember, type Caller, CurrentCaller } from '../access/caller.js';
import { ExistingLandlord } from '../organisation/organisation.queries.js';
import { AddCaseMessage, ConcludeCase, RegisterLandlordCase } from './case.handlers.js';
import { CASE_CATEGORIES, type CaseCategory } from './case.events.js';
import { CaseList, CaseOf } from './case.queries.js';

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
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

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
    await this.queries.execute(new ExistingLandlord(landlordId));
    // The same case id on a retry under the same Idempotency-Key, so a retry after a crash finds the case it registered.
    return this.commands.execute(new RegisterLandlordCase(newStreamId('landlord-case'), landlordId, body, commandContext(caller.id)));
  }

  @Get(':landlordId/cases')
  async list(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Query() query: CaseListQuery) {
    requireMember(caller, landlordId);
    // Staff may name any landlord: one that does not exist is a 404, not an empty list.
    await this.queries.execute(new ExistingLandlord(landlordId));
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
    return this.commands.execute(new AddCaseMessage(caseId, isAgency(caller) ? 'agency' : 'landlord', body.text, commandContext(caller.id)));
  }

  @Post(':landlordId/cases/:caseId/answer')
  @Roles('staff', 'admin')
  @HttpCode(200)
  async answer(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: TextDto) {
    await this.owned(landlordId, caseId);
    return this.commands.execute(new ConcludeCase(caseId, 'answer', body.text, commandContext(caller.id)));
  }

  @Post(':landlordId/cases/:caseId/close')
  @Roles('staff', 'admin')
  @HttpCode(200)
  async close(@CurrentCaller() caller: Caller, @Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: TextDto) {
    await this.owned(landlordId, caseId);
    return this.commands.execute(new ConcludeCase(caseId, 'close', body.text, commandContext(caller.id)));
  }

  private owned(landlordId: string, caseId: string) {
    return this.queries.execute(new CaseOf(landlordId, caseId));
  }

  private rows(landlordId: string | null, status: string | undefined) {
    return this.queries.execute(new CaseList(landlordId, status));
  }
}
