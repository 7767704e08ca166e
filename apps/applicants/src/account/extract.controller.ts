import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PersonalDataVault } from '../../../../libs/personal-data/src/personal-data.vault.js';
import { CurrentUser, NotFound, Roles, type AuthenticatedUser } from '../../../../libs/platform/src/index.js';
import { INFRASTRUCTURE } from '../../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { ApplicantService } from '../applicant/applicant.service.js';
import { currentDetails, readable, shown } from '../applicant/personal-details.js';
import { VAULT } from '../applicants.tokens.js';
import { assertSelfOrStaff } from './access.js';
import { Clock } from '../../../../libs/clock/src/index.js';

/** Streams other than the account's own that hold records about the person. */
const RELATED_STREAMS = (applicantId: string) => [`fee_account-${applicantId}`];

/** GDPR register extract (registerutdrag): everything held about the person, readable. */
@ApiTags('applicants')
@ApiBearerAuth()
@Roles('applicant', 'staff', 'admin')
@Controller('applicants/:applicantId/extract')
export class ExtractController {
  constructor(
    private readonly applicants: ApplicantService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Personal data, every recorded fact and decision, fees and cases' })
  async extract(@CurrentUser() user: AuthenticatedUser, @Param('applicantId', ParseUUIDPipe) id: string) {
    assertSelfOrStaff(user, id);
    const { state, events } = await this.applicants.load(id);
    if (state.status === 'none') throw new NotFound('No such account');
    const related = (await Promise.all(RELATED_STREAMS(id).map((s) => this.infra.store.readStream(s)))).flat();
    return {
      generatedAt: this.clock.now().toISOString(),
      controller: 'The housing agency (bostadsförmedlingen), the data controller for this register',
      applicantId: id,
      status: state.status,
      personalData: shown(await currentDetails(this.vault, events)),
      records: await Promise.all([...events, ...related].map((e) => readable(this.vault, e))),
    };
  }
}
