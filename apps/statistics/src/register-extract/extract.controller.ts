import { Controller, ForbiddenException, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { RegisterExtractOf } from './register-extract.query.js';
import { StaffRead } from '@bostadsko/access-log';
import type { RegisterExtractSection } from '@bostadsko/personal-data';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';

/**
 * The statistics app's part of the GDPR register extract. It holds no name,
 * number or contact detail: only facts keyed by the pseudonymous applicant id,
 * which never leaves the store (reports show groups of at least the threshold).
 */
@ApiTags('register-extract')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('statistics/people/:applicantId/extract')
export class ExtractController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'The pseudonymous facts the reports count about the seeker; staff reads' })
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<RegisterExtractSection> {
    const staff = user.roles.includes('staff') || user.roles.includes('admin');
    if (!staff && !(user.roles.includes('applicant') && user.id === applicantId)) throw new ForbiddenException('You can only see your own data');
    return this.queries.execute(new RegisterExtractOf(applicantId));
  }
}
