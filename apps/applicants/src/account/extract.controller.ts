import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { RegisterExtractOf } from './register-extract.query.js';
import { StaffRead } from '@bostadsko/access-log';
import type { RegisterExtractSection } from '@bostadsko/personal-data';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { assertSelfOrStaff } from './access.js';

/**
 * The applicants app's part of the GDPR register extract (registerutdrag): the
 * account and its details, every decision (queue time, cases, sign-in
 * throttling) with who and why, fees and payments, and staff reads.
 */
@ApiTags('applicants')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('applicants/:applicantId/extract')
export class ExtractController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'The register extract section: personal data, every recorded fact and decision, fees, cases and staff reads' })
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string): Promise<RegisterExtractSection & { status: string }> {
    assertSelfOrStaff(user, id);
    return this.queries.execute(new RegisterExtractOf(id));
  }
}
