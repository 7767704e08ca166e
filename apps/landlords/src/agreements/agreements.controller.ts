import { Body, Controller, ForbiddenException, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { IsCalendarDate, etagOf, revisionFromIfMatch, Roles } from '@bostadsko/platform';
import { isAgency, requireAdministrator, type Caller, CurrentCaller } from '../access/caller.js';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { commandContext, type Reply } from '../shared/context.js';
import type { LandlordCommand } from '../organisation/landlord.decider.js';
import { LandlordService } from '../organisation/landlord.service.js';
import { organisationView } from '../organisation/organisation.controller.js';

class SignAgreementDto {
  @ApiProperty({ example: '2026-12-01', description: 'Active (may publish) from this date; today or later' }) @IsCalendarDate() effectiveFrom: string;
  @ApiProperty({ example: 'Standard assignment agreement 2026, fee per letting 1 500 SEK' }) @IsString() @Length(3, 10_000) terms: string;
}

class StatusChangeDto {
  @ApiProperty({ example: '2026-12-15' }) @IsCalendarDate() effectiveFrom: string;
  @ApiProperty({ example: 'Unpaid letting fees' }) @IsString() @Length(3, 2_000) reason: string;
}

class TerminateDto {
  @ApiProperty({ example: '2027-03-31', description: 'Terminated from this date; open listings end then' }) @IsCalendarDate() noticeDate: string;
  @ApiProperty({ example: 'The company lets its flats itself from April' }) @IsString() @Length(3, 2_000) reason: string;
}

/**
 * The agreement (förmedlingsuppdrag): staff sign, suspend and reinstate it; either
 * side may terminate it with a notice date. Every change is dated, never backdated.
 */
@ApiTags('landlords: agreements')
@ApiBearerAuth()
@Roles('landlord', 'staff', 'admin')
@Controller('landlords/:landlordId/agreements')
export class AgreementsController {
  constructor(
    private readonly landlords: LandlordService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('staff', 'admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Staff sign an agreement effective from a date' })
  @ApiHeader({ name: 'If-Match', required: false })
  async sign(
    @CurrentCaller() caller: Caller,
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Body() body: SignAgreementDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const agreementId = randomUUID();
    return this.run(landlordId, { type: 'sign-agreement', agreementId, effectiveFrom: body.effectiveFrom, terms: body.terms, signedBy: caller.id, now: this.clock.now() }, caller, ifMatch, reply);
  }

  @Post(':agreementId/suspension')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  async suspend(
    @CurrentCaller() caller: Caller,
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Param('agreementId', ParseUUIDPipe) agreementId: string,
    @Body() body: StatusChangeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.run(landlordId, { type: 'suspend-agreement', agreementId, ...body, decidedBy: caller.id, now: this.clock.now() }, caller, ifMatch, reply);
  }

  @Post(':agreementId/reinstatement')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  async reinstate(
    @CurrentCaller() caller: Caller,
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Param('agreementId', ParseUUIDPipe) agreementId: string,
    @Body() body: StatusChangeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.run(landlordId, { type: 'reinstate-agreement', agreementId, ...body, decidedBy: caller.id, now: this.clock.now() }, caller, ifMatch, reply);
  }

  @Post(':agreementId/termination')
  @HttpCode(200)
  @ApiOperation({ summary: "Terminate the agreement from a notice date: staff for the agency, or the landlord's administrator" })
  @ApiHeader({ name: 'If-Match', required: false })
  async terminate(
    @CurrentCaller() caller: Caller,
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Param('agreementId', ParseUUIDPipe) agreementId: string,
    @Body() body: TerminateDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    requireAdministrator(caller, landlordId);
    const terminatedBy = isAgency(caller) ? 'agency' : 'landlord';
    return this.run(landlordId, { type: 'terminate-agreement', agreementId, ...body, terminatedBy, decidedBy: caller.id, now: this.clock.now() }, caller, ifMatch, reply);
  }

  private async run(landlordId: string, command: LandlordCommand, caller: Caller, ifMatch: string | undefined, reply: Reply) {
    if (command.type !== 'terminate-agreement' && !isAgency(caller)) throw new ForbiddenException('Only the agency changes an agreement this way');
    const expectedRevision = revisionFromIfMatch(ifMatch);
    await this.landlords.existing(landlordId);
    const result = await this.landlords.handle(landlordId, command, commandContext(caller.id, expectedRevision));
    if (result.revision !== undefined) reply.header('etag', etagOf(result.revision));
    return organisationView(result.state as Parameters<typeof organisationView>[0], stockholmDate(this.clock.now()));
  }
}
