import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { ApplicationExplanation } from '../ranking/ranking.queries.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { MyApplications } from './application.queries.js';
import { WithdrawApplication } from './withdraw-application.command.js';

/** A seeker's own applications; nobody else's are reachable here. Applying is ApplyRoute, one application OwnApplicationRoute. */
@ApiTags('applications')
@ApiBearerAuth()
@Roles('applicant')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Your applications with the current place, e.g. "place 3 of 57"' })
  mine(@CurrentUser() user: AuthenticatedUser) {
    return this.queries.execute(new MyApplications(user));
  }

  @Post(':applicationId/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Withdrawn: the application as it now stands' })
  @ApiUnprocessableEntityResponse({ description: 'The deadline has passed' })
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('applicationId', ParseUUIDPipe) applicationId: string) {
    return this.commands.execute(new WithdrawApplication(user, applicationId));
  }

  @Get(':applicationId/explanation')
  @ApiOkResponse({ description: 'Your place and why: queue days used, who was ahead (by place and queue days, not by name), failed requirements' })
  explanation(@CurrentUser() user: AuthenticatedUser, @Param('applicationId', ParseUUIDPipe) applicationId: string) {
    return this.queries.execute(new ApplicationExplanation(user, applicationId));
  }
}
