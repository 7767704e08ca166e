import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { commandContext, CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { validPersonnummer } from '../applicant/personnummer.request.js';
import { Clock } from '@bostadsko/clock';
import { ChangePersonnummer, ChangeQueueStart, EraseApplicant, TransferQueueTime } from './staff-decision.handlers.js';
import { PersonnummerChangeDto, QueueDecisionDto, TransferDto } from './staff-decisions.dto.js';

/** Decisions by case officers: each is a record with who decided, why and in which case. */
@ApiTags('staff decisions')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('applicants/:applicantId')
export class StaffDecisionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post('queue-decisions')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The decision is recorded and the queue start date changed' })
  async decide(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Body() body: QueueDecisionDto) {
    const state = await this.commands.execute(new ChangeQueueStart(id, body, commandContext(user.id)));
    return { applicantId: id, status: state.status, queueStartDate: state.status === 'none' ? null : state.queueStartDate };
  }

  @Post('queue-transfers')
  @HttpCode(200)
  async transfer(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Body() body: TransferDto) {
    const state = await this.commands.execute(new TransferQueueTime(id, body, commandContext(user.id)));
    return { applicantId: id, queueStartDate: state.status === 'none' ? null : state.queueStartDate };
  }

  @Post('personnummer')
  @HttpCode(200)
  async changePersonnummer(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Body() body: PersonnummerChangeDto) {
    await this.commands.execute(new ChangePersonnummer(id, validPersonnummer(body.personnummer, this.clock.now()), body.caseId, commandContext(user.id)));
    return { applicantId: id };
  }

  @Post('erase')
  @HttpCode(200)
  async erase(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string) {
    await this.commands.execute(new EraseApplicant(id, commandContext(user.id)));
    return { applicantId: id, erased: true };
  }
}
