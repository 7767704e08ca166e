import { StaffRead } from '@bostadsko/access-log';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { SeekerFeesOf } from './fee.queries.js';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { assertSelfOrStaff } from '../account/access.js';
import { SeekerFeesDto } from './seeker-fees.dto.js';

@ApiTags('fees')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('applicants/:applicantId/fees')
export class SeekerFeesController {
  constructor(private readonly queries: QueryBus) {}

  /** From the fee account's own stream, not a read model: a seeker who just paid sees it at once. */
  @Get()
  @StaffRead()
  @ApiOkResponse({ type: SeekerFeesDto, description: 'Fee notices (amount, due date, OCR reference, status) and payments, oldest first' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<SeekerFeesDto> {
    assertSelfOrStaff(user, applicantId);
    return this.queries.execute(new SeekerFeesOf(applicantId));
  }
}
