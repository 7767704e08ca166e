import { applyDecorators, Body, Controller, ForbiddenException, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { IsCalendarDate, etagOf, revisionFromIfMatch, Roles, commandContext } from '@bostadsko/platform';
import { isAgency, requireAdministrator } from '../access/caller.js';
import { Write } from '../access/conditional-write.js';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { CommandBus } from '@nestjs/cqrs';
import { ChangeAgreement } from './change-agreement.handler.js';
import { organisationView } from '../organisation/organisation.view.js';

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

/** Every change of an agreement: a POST answered with the organisation, made on the revision in `If-Match` when one is sent. */
const ChangeRoute = (path: string, status: 200 | 201 = 200) => applyDecorators(Post(path), HttpCode(status), ApiHeader({ name: 'If-Match', required: false }));

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
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ChangeRoute('', 201)
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Staff sign an agreement effective from a date' })
  async sign(@Param('landlordId', ParseUUIDPipe) landlordId: string, @Body() body: SignAgreementDto, @Write() write: Write) {
    const agreementId = randomUUID();
    return this.run(landlordId, { type: 'sign-agreement', agreementId, effectiveFrom: body.effectiveFrom, terms: body.terms, signedBy: write.caller.id, now: this.clock.now() }, write);
  }

  @ChangeRoute(':agreementId/suspension')
  @Roles('staff', 'admin')
  async suspend(@Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('agreementId', ParseUUIDPipe) agreementId: string, @Body() body: StatusChangeDto, @Write() write: Write) {
    return this.run(landlordId, { type: 'suspend-agreement', agreementId, ...body, decidedBy: write.caller.id, now: this.clock.now() }, write);
  }

  @ChangeRoute(':agreementId/reinstatement')
  @Roles('staff', 'admin')
  async reinstate(@Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('agreementId', ParseUUIDPipe) agreementId: string, @Body() body: StatusChangeDto, @Write() write: Write) {
    return this.run(landlordId, { type: 'reinstate-agreement', agreementId, ...body, decidedBy: write.caller.id, now: this.clock.now() }, write);
  }

  @ChangeRoute(':agreementId/termination')
  @ApiOperation({ summary: "Terminate the agreement from a notice date: staff for the agency, or the landlord's administrator" })
  async terminate(@Param('landlordId', ParseUUIDPipe) landlordId: string, @Param('agreementId', ParseUUIDPipe) agreementId: string, @Body() body: TerminateDto, @Write() write: Write) {
    requireAdministrator(write.caller, landlordId);
    const terminatedBy = isAgency(write.caller) ? 'agency' : 'landlord';
    return this.run(landlordId, { type: 'terminate-agreement', agreementId, ...body, terminatedBy, decidedBy: write.caller.id, now: this.clock.now() }, write);
  }

  private async run(landlordId: string, command: ChangeAgreement['change'], { caller, ifMatch, reply }: Write) {
    if (command.type !== 'terminate-agreement' && !isAgency(caller)) throw new ForbiddenException('Only the agency changes an agreement this way');
    const expectedRevision = revisionFromIfMatch(ifMatch);
    const result = await this.commands.execute(new ChangeAgreement(landlordId, command, commandContext(caller.id, expectedRevision)));
    if (result.revision !== undefined) reply.header('etag', etagOf(result.revision));
    return organisationView(result.state as Parameters<typeof organisationView>[0], stockholmDate(this.clock.now()));
  }
}
