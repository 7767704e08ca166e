import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PersonalDataVault } from '../../../../libs/personal-data/src/personal-data.vault.js';
import { CurrentUser, NotFound, revisionFromIfMatch, Roles, type AuthenticatedUser } from '../../../../libs/platform/src/index.js';
import { CommandBus } from '@nestjs/cqrs';
import { SeekerApplicationsService } from '../applications/seeker-applications.service.js';
import { VAULT } from '../listings.tokens.js';
import { auditAllocation } from './allocation.audit.js';
import { assertStaffOrListingsLandlord, isListingsLandlord, isStaff } from './letting.access.js';
import { CancelDto, VerificationDto } from './letting.dto.js';
import type { VerifiedFacts } from './letting.events.js';
import { landlordExplanation, seekerExplanation, stage, staffExplanation } from './letting.explanation.js';
import { withEtag, type Reply } from './letting.http.js';
import { AdvanceLetting } from './advance-letting.command.js';
import { CancelLetting } from './cancel-letting.command.js';
import { RecordVerification } from './record-verification.command.js';
import { LettingService } from './letting.service.js';
import { proposedHouseholds } from './proposed-households.js';

/** The letting of one listing: where it stands, the explanation, the deadline step, verification and cancellation. */
@ApiTags('letting')
@ApiBearerAuth()
@Controller('listings/:listingId/letting')
export class LettingController {
  constructor(
    private readonly letting: LettingService,
    private readonly commands: CommandBus,
    private readonly applications: SeekerApplicationsService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Get()
  @Roles('staff', 'admin', 'landlord')
  @ApiOkResponse({ description: 'Where the letting stands, with an ETag for If-Match; staff see every participant, the landlord its proposals' })
  async state(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string, @Res({ passthrough: true }) reply: Reply) {
    const { context, state, revision, events } = await this.letting.load(listingId);
    assertStaffOrListingsLandlord(user, context.landlordId);
    withEtag(reply, revision);
    if (!isStaff(user)) return landlordExplanation(context, state, events, await proposedHouseholds(this.vault, events));
    return {
      listingId,
      status: state.status,
      stage: stage(state, context),
      invitations: Object.values(state.invitations).sort((a, b) => a.place - b.place),
      candidates: Object.values(state.candidates).sort((a, b) => a.place - b.place),
      current: state.current ?? null,
      tenant: state.tenant ?? null,
    };
  }

  @Get('explanation')
  @Roles('staff', 'admin', 'landlord', 'applicant')
  @ApiOkResponse({ description: 'Staff: the whole record. Landlord: showings and the proposals made to it. Seeker: their own part, and those placed above counted by outcome only' })
  async explanation(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string) {
    const { context, state, events } = await this.letting.load(listingId);
    if (isStaff(user)) return staffExplanation(context, state, events);
    if (isListingsLandlord(user, context.landlordId)) return landlordExplanation(context, state, events, await proposedHouseholds(this.vault, events));
    const own = context.ranking.find((r) => r.applicantId === user.id);
    if (user.roles.includes('applicant') && own) return seekerExplanation(context, state, events, own.applicationId);
    throw new NotFound('You have no ranked application on this listing');
  }

  @Post('advance')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Applies passed deadlines (no answer counts as no, late certificates) and applications ended elsewhere, then the next in line; the daily job does the same' })
  async advance(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string, @Res({ passthrough: true }) reply: Reply) {
    const { answer, revision } = await this.commands.execute(new AdvanceLetting(listingId, user.id));
    withEtag(reply, revision);
    return answer;
  }

  @Get('verification')
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: "The applicant being verified: certificates due, the listing's requirements and what they declared on applying" })
  async verification(@Param('listingId', ParseUUIDPipe) listingId: string) {
    const { context, state } = await this.letting.load(listingId);
    const current = state.current === undefined ? undefined : state.candidates[state.current];
    if (!current || current.outcome !== 'verification') throw new NotFound('No applicant is being verified for this listing');
    return {
      applicationId: current.applicationId,
      applicantId: current.applicantId,
      place: current.place,
      certificatesDue: current.certificatesDue,
      requirements: context.requirements,
      monthlyRent: context.flat.monthlyRent,
      ageOn: context.deadline,
      declared: (await this.applications.declaration(current.applicantId, current.applicationId)) ?? null,
    };
  }

  @Post('verification')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: 'Records what the certificates show: verified and proposed to the landlord, failed (next in line), or late (avhopp, next in line)' })
  async verify(
    @CurrentUser() user: AuthenticatedUser,
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Body() body: VerificationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const facts: VerifiedFacts = {
      householdSize: body.householdSize,
      taxableIncome: body.taxableIncome,
      nonTaxableIncome: body.nonTaxableIncome,
      birthDate: body.birthDate,
      hasPaymentRemarks: body.hasPaymentRemarks,
    };
    const { answer, revision } = await this.commands.execute(new RecordVerification(user, listingId, body.applicationId, facts, body.certificatesReceivedOn, revisionFromIfMatch(ifMatch)));
    withEtag(reply, revision);
    return answer;
  }

  @Post('cancel')
  @Roles('staff', 'admin', 'landlord')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: "The landlord did not complete the letting: recorded with the reason; the tenant's queue time is restored (LettingCancelledV1)" })
  async cancel(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: CancelDto, @Headers('if-match') ifMatch: string | undefined) {
    return this.commands.execute(new CancelLetting(user, listingId, body.reason, revisionFromIfMatch(ifMatch)));
  }

  @Get('audit')
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: 'Re-derives the allocation from the listing and letting events and lists any difference from what was recorded' })
  async audit(@Param('listingId', ParseUUIDPipe) listingId: string) {
    const { listingEvents, events } = await this.letting.load(listingId);
    const differences = auditAllocation(listingEvents, events);
    return { listingId, events: events.length, consistent: differences.length === 0, differences };
  }
}
