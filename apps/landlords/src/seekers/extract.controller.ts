import { Controller, ForbiddenException, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { RegisterExtractOf } from './register-extract.query.js';
import { StaffRead } from '@bostadsko/access-log';
import type { RegisterExtractSection } from '@bostadsko/personal-data';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';

/**
 * The landlords app's part of the GDPR register extract: what landlords were
 * told about the seeker when proposed as tenant (place, household size, whether
 * the certificates met the requirements) and what they decided.
 */
@ApiTags('register-extract')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('landlords/people/:applicantId/extract')
export class SeekerExtractController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'Proposals of the seeker to landlords, with the facts landlords saw and their decision; staff reads' })
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<RegisterExtractSection> {
    const staff = user.roles.includes('staff') || user.roles.includes('admin');
    if (!staff && !(user.roles.includes('applicant') && user.id === applicantId)) throw new ForbiddenException('You can only see your own data');
    return this.queries.execute(new RegisterExtractOf(applicantId));
  }
}
