import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { Conflict, CurrentUser, currentCorrelationId, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { ApplicantService, type CommandContext } from '../applicant/applicant.service.js';
import { IdentityService } from '../applicant/identity.service.js';
import { currentDetails } from '../applicant/personal-details.js';
import { validPersonnummer } from '../applicant/personnummer.request.js';
import { VAULT } from '../applicants.tokens.js';
import { stockholmDate } from '@bostadsko/calendar';
import { PersonnummerChangeDto, QueueDecisionDto, TransferDto } from './staff-decisions.dto.js';
import { Clock } from '@bostadsko/clock';

/** Decisions by case officers: each is a record with who decided, why and in which case. */
@ApiTags('staff decisions')
@ApiBearerAuth()
@Roles('staff', 'admin')
@Controller('applicants/:applicantId')
export class StaffDecisionsController {
  constructor(
    private readonly applicants: ApplicantService,
    private readonly identities: IdentityService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  private context(user: AuthenticatedUser): CommandContext {
    return { correlationId: currentCorrelationId() ?? randomUUID(), actor: user.id };
  }

  @Post('queue-decisions')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The decision is recorded and the queue start date changed' })
  async decide(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Body() body: QueueDecisionDto) {
    const { state } = await this.applicants.handle(
      id,
      { type: 'staff-change-queue-start', ...body, effectiveFrom: body.effectiveFrom ?? stockholmDate(this.clock.now()), decidedBy: user.id },
      this.context(user),
    );
    return { applicantId: id, status: state.status, queueStartDate: state.status === 'none' ? null : state.queueStartDate };
  }

  /** The receiver gets the earlier start date first; only then is the giver's account closed. */
  @Post('queue-transfers')
  @HttpCode(200)
  async transfer(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Body() body: TransferDto) {
    const giver = await this.applicants.load(body.fromApplicantId);
    if (giver.state.status !== 'active' || giver.state.queueStartDate === null) throw new Conflict('The giving account has no active queue time');
    const on = stockholmDate(this.clock.now());
    const decision = { caseId: body.caseId, explanation: body.explanation, decidedBy: user.id, on };
    const { state } = await this.applicants.handle(
      id,
      { type: 'receive-transfer', fromApplicantId: body.fromApplicantId, queueStartDate: giver.state.queueStartDate, ...decision },
      this.context(user),
    );
    await this.applicants.handle(body.fromApplicantId, { type: 'transfer-out', toApplicantId: id, ...decision }, this.context(user));
    return { applicantId: id, queueStartDate: state.status === 'none' ? null : state.queueStartDate };
  }

  /** Same account, new number: claim the new one first, so it cannot belong to two accounts. */
  @Post('personnummer')
  @HttpCode(200)
  async changePersonnummer(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string, @Body() body: PersonnummerChangeDto) {
    const personnummer = validPersonnummer(body.personnummer, this.clock.now());
    const { events, state } = await this.applicants.load(id);
    const details = await currentDetails(this.vault, events);
    if (state.status === 'none' || !details) throw new NotFound('No such account, or its personal data has been erased');
    if (!(body.caseId in state.cases)) throw new NotFound(`Case ${body.caseId} is not a case of this account`);
    const claim = await this.identities.claim(personnummer.value, id, this.context(user).correlationId);
    if (claim.applicantId !== id) throw new Conflict('That personnummer belongs to another account');
    const personal = await this.vault.seal(id, { ...details, personnummer: personnummer.value });
    await this.applicants.handle(id, { type: 'change-personal-details', personal, caseId: body.caseId, changedBy: user.id }, this.context(user));
    if (details.personnummer !== personnummer.value) await this.identities.release(details.personnummer, id, this.context(user).correlationId);
    return { applicantId: id };
  }

  /**
   * GDPR erasure of a closed account: the identity claim is released (while the
   * number can still be read), then the person's key is destroyed. The events stay.
   */
  @Post('erase')
  @HttpCode(200)
  async erase(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string) {
    const { events } = await this.applicants.load(id);
    const details = await currentDetails(this.vault, events);
    await this.applicants.handle(id, { type: 'erase', on: stockholmDate(this.clock.now()), erasedBy: user.id }, this.context(user));
    if (details) await this.identities.release(details.personnummer, id, this.context(user).correlationId);
    await this.vault.erase(id);
    return { applicantId: id, erased: true };
  }
}
