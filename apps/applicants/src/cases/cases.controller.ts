import { StaffRead } from '@bostadsko/access-log';
import { Body, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { commandContext, CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CasesOf } from './case.queries.js';
import { AnswerApplicantCase, RegisterApplicantCase } from './case.handlers.js';
import type { CaseChannel } from '../applicant/applicant.events.js';
import { assertSelfOrStaff, isStaff } from '../account/access.js';

class RegisterCaseDto {
  @ApiProperty({ enum: ['web', 'phone', 'visit'] }) @IsIn(['web', 'phone', 'visit']) channel: CaseChannel;
  @ApiProperty({ example: 'My queue start date is wrong' }) @IsString() @Length(3, 200) subject: string;
  @ApiProperty() @IsString() @Length(1, 10_000) description: string;
}

class AnswerCaseDto {
  @ApiProperty() @IsString() @Length(1, 10_000) answer: string;
}

/**
 * Customer cases (process 3.1.2). Their text may hold personal data, so it is
 * sealed under the seeker's key and disappears with an erasure.
 */
@ApiTags('customer cases')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('applicants/:applicantId/cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  async register(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Body() body: RegisterCaseDto) {
    assertSelfOrStaff(user, id);
    if (!isStaff(user) && body.channel !== 'web') throw new ForbiddenException('Seekers register cases on the web; phone and visit cases are registered by staff');
    return this.commands.execute(new RegisterApplicantCase(id, body, commandContext(user.id)));
  }

  @Get()
  @StaffRead()
  async list(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string) {
    assertSelfOrStaff(user, id);
    return this.queries.execute(new CasesOf(id));
  }

  @Post(':caseId/answer')
  @Roles('staff', 'admin')
  @HttpCode(200)
  async answer(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AnswerCaseDto) {
    return this.commands.execute(new AnswerApplicantCase(id, caseId, body.answer, commandContext(user.id)));
  }
}
