import { Controller, ForbiddenException, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessLog, StaffRead } from '@bostadsko/access-log';
import { Clock } from '@bostadsko/clock';
import { type PersonalDataVault, DATA_CONTROLLER, openedForExtract, type RegisterExtractSection, heldOrNotFound } from '@bostadsko/personal-data';
import { CurrentUser, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { isStaff } from '../access/access.js';
import { ApplicationViews } from '../applications/application-views.js';
import { SeekerApplicationsService } from '../applications/seeker-applications.service.js';
import { VAULT } from '../listings.tokens.js';
import { personRecords } from './person-records.query.js';

/** The listings app's part of the GDPR register extract: applications with the declaration, places, showings, verification and avhopp. */
@ApiTags('register-extract')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('listings/people/:applicantId/extract')
export class ExtractController {
  constructor(
    private readonly applications: ApplicationViews,
    private readonly seekerApplications: SeekerApplicationsService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'Applications with the declared income and household, places, showing invitations and answers, verified facts and avhopp; staff reads' })
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) applicantId: string): Promise<RegisterExtractSection> {
    if (!isStaff(user) && !(user.roles.includes('applicant') && user.id === applicantId)) throw new ForbiddenException('You can only see your own data');
    const [applications, events, accessLog] = await Promise.all([this.applications.ofApplicant(applicantId), personRecords(this.infra, applicantId), this.accessLog.of(applicantId)]);
    const declared = await Promise.all(applications.map(async (a) => ({ ...a, declaration: (await this.seekerApplications.declaration(applicantId, a.applicationId)) ?? '(erased)' })));
    return heldOrNotFound({
      app: 'listings',
      controller: DATA_CONTROLLER,
      generatedAt: this.clock.now().toISOString(),
      applicantId,
      purpose: 'Your applications for flats: what you declared about income and household, your place, showings, the check of your certificates and the letting.',
      personalData: applications.length > 0 ? { applications: declared } : null,
      records: await Promise.all(events.map(async (e) => ({ type: e.type, at: e.recordedAt.toISOString(), data: await openedForExtract(this.vault, e.data) }))),
      accessLog,
    });
  }
}
