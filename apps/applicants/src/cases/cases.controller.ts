import { StaffRead } from '@bostadsko/access-log';
import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import { CurrentUser, currentCorrelationId, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import type { CaseChannel } from '../applicant/applicant.events.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { VAULT } from '../applicants.tokens.js';
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
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Post()
  @HttpCode(201)
  async register(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Body() body: RegisterCaseDto) {
    assertSelfOrStaff(user, id);
    if (!isStaff(user) && body.channel !== 'web') throw new ForbiddenException('Seekers register cases on the web; phone and visit cases are registered by staff');
    const caseId = randomUUID();
    const description = await this.vault.seal(id, body.description);
    await this.applicants.handle(
      id,
      { type: 'register-case', caseId, channel: body.channel, subject: body.subject, description, registeredBy: user.id },
      { correlationId: currentCorrelationId() ?? randomUUID(), actor: user.id },
    );
    return { caseId, status: 'open' };
  }

  @Get()
  @StaffRead()
  async list(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string) {
    assertSelfOrStaff(user, id);
    const { state, events } = await this.applicants.load(id);
    if (state.status === 'none') throw new NotFound('No such account');
    const cases = new Map<string, Record<string, unknown>>();
    for (const event of events) {
      const data = event.data as Record<string, unknown> & { caseId: string };
      if (event.type === 'case-registered') {
        cases.set(data.caseId, {
          caseId: data.caseId,
          channel: data.channel,
          subject: data.subject,
          description: (await this.vault.open<string>(data.description as Sealed)) ?? '(erased)',
          registeredBy: data.registeredBy,
          registeredAt: event.recordedAt.toISOString(),
          status: 'open',
        });
      }
      if (event.type === 'case-answered') {
        Object.assign(cases.get(data.caseId) ?? {}, {
          status: 'answered',
          answer: (await this.vault.open<string>(data.answer as Sealed)) ?? '(erased)',
          answeredBy: data.answeredBy,
          answeredAt: event.recordedAt.toISOString(),
        });
      }
    }
    return [...cases.values()];
  }

  @Post(':caseId/answer')
  @Roles('staff', 'admin')
  @HttpCode(200)
  async answer(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AnswerCaseDto) {
    const answer = await this.vault.seal(id, body.answer);
    await this.applicants.handle(id, { type: 'answer-case', caseId, answer, answeredBy: user.id }, { correlationId: currentCorrelationId() ?? randomUUID(), actor: user.id });
    return { caseId, status: 'answered' };
  }
}
