import { Controller, ForbiddenException, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { RegisterExtractOf } from './register-extract.query.js';
import { StaffRead } from '@bostadsko/access-log';
import type { RegisterExtractSection } from '@bostadsko/personal-data';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { isStaff } from '../access/access.js';

/** The listings app's part of the GDPR register extract: applications with the declaration, places, showings, verification and avhopp. */
@ApiTags('register-extract')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('listings/people/:applicantId/extract')
export class ExtractController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'Applications with the declared income and household, places, showing invitations and answers, verified facts and avhopp; staff reads' })
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<RegisterExtractSection> {
    if (!isStaff(user) && !(user.roles.includes('applicant') && user.id === applicantId)) throw new ForbiddenException('You can only see your own data');
    return this.queries.execute(new RegisterExtractOf(applicantId));
  }
}
