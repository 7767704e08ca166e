import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessLog, StaffRead } from '@bostadsko/access-log';
import { type PersonalDataVault, DATA_CONTROLLER, type RegisterExtractSection } from '@bostadsko/personal-data';
import { CurrentUser, NotFound, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { ApplicantService } from '../applicant/applicant.service.js';
import { currentDetails, readable, shown } from '../applicant/personal-details.js';
import { VAULT } from '../applicants.tokens.js';
import { assertSelfOrStaff } from './access.js';
import { Clock } from '@bostadsko/clock';

/** Streams other than the account's own that hold records about the person: fee notices and payments. */
const RELATED_STREAMS = (applicantId: string) => [`fee_account-${applicantId}`];

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
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  @Get()
  @StaffRead()
  @ApiOkResponse({ description: 'The register extract section: personal data, every recorded fact and decision, fees, cases and staff reads' })
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string): Promise<RegisterExtractSection & { status: string }> {
    assertSelfOrStaff(user, id);
    const { state, events } = await this.applicants.load(id);
    if (state.status === 'none') throw new NotFound('No such account');
    const related = (await Promise.all(RELATED_STREAMS(id).map((s) => this.infra.store.readStream(s)))).flat();
    const records = await Promise.all([...events, ...related].map((e) => readable(this.vault, e)));
    return {
      app: 'applicants',
      controller: DATA_CONTROLLER,
      generatedAt: this.clock.now().toISOString(),
      applicantId: id,
      purpose: 'Your account in the housing queue: identity, contact details, queue time and every decision about it, annual fees and payments, cases and sign-in protection.',
      status: state.status,
      personalData: shown(await currentDetails(this.vault, events)),
      records: records.map(({ type, recordedAt, actor, data }) => ({ type: type as string, at: recordedAt as string, data: { ...(data as object), actor } })),
      accessLog: await this.accessLog.of(id),
    };
  }
}
