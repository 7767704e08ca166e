import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, revisionFromIfMatch, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CancelDto, VerificationDto } from './letting.dto.js';
import type { VerifiedFacts } from './letting.events.js';
import { withEtag, type Reply } from './letting.http.js';
import { AdvanceLetting } from './advance-letting.command.js';
import { CancelLetting } from './cancel-letting.command.js';
import { RecordVerification } from './record-verification.command.js';
import { BeingVerified, LettingAudit, LettingExplanation, LettingStanding } from './letting.queries.js';

/** The letting of one listing: where it stands, the explanation, the deadline step, verification and cancellation. */
@ApiTags('letting')
@ApiBearerAuth()
@Controller('listings/:listingId/letting')
export class LettingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('staff', 'admin', 'landlord')
  @ApiOkResponse({ description: 'Where the letting stands, with an ETag for If-Match; staff see every participant, the landlord its proposals' })
  async state(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string, @Res({ passthrough: true }) reply: Reply) {
    const { answer, revision } = await this.queries.execute(new LettingStanding(user, listingId));
    withEtag(reply, revision);
    return answer;
  }

  @Get('explanation')
  @Roles('staff', 'admin', 'landlord', 'applicant')
  @ApiOkResponse({ description: 'Staff: the whole record. Landlord: showings and the proposals made to it. Seeker: their own part, and those placed above counted by outcome only' })
  explanation(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string) {
    return this.queries.execute(new LettingExplanation(user, listingId));
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
  verification(@Param('listingId', ParseUUIDPipe) listingId: string) {
    return this.queries.execute(new BeingVerified(listingId));
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
  audit(@Param('listingId', ParseUUIDPipe) listingId: string) {
    return this.queries.execute(new LettingAudit(listingId));
  }
}
