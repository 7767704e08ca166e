import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessLog } from '@bostadsko/access-log';
import { Clock } from '@bostadsko/clock';
import { type PersonalDataVault, DATA_CONTROLLER, openedForExtract, type RegisterExtractSection, heldOrNotFound } from '@bostadsko/personal-data';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { ApplicationViews } from '../applications/application-views.js';
import { SeekerApplicationsService } from '../applications/seeker-applications.service.js';
import { VAULT } from '../listings.tokens.js';
import { personRecords } from './person-records.query.js';
import { Inject } from '@nestjs/common';

/** The listings app's part of a seeker's register extract. */
export class RegisterExtractOf extends Query<RegisterExtractSection> {
  constructor(readonly applicantId: string) {
    super();
  }
}

@QueryHandler(RegisterExtractOf)
export class RegisterExtractOfHandler implements IQueryHandler<RegisterExtractOf, RegisterExtractSection> {
  constructor(
    private readonly applications: ApplicationViews,
    private readonly seekerApplications: SeekerApplicationsService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async execute({ applicantId }: RegisterExtractOf): Promise<RegisterExtractSection> {
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
