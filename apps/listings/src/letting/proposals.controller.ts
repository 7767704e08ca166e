import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ProposalsOfListing } from './letting.queries.js';
import { CurrentUser, revisionFromIfMatch, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { DecideProposal } from './decide-proposal.command.js';
import { SignContract } from './sign-contract.command.js';
import { ContractDto, RejectDto } from './letting.dto.js';
import { withEtag, type Reply } from './letting.http.js';

/**
 * Contract proposals to the landlord: it sees the proposed applicant's place,
 * household size and verification outcome, never the other applicants, and
 * approves or rejects with a reason (then the next in line is asked).
 */
@ApiTags('letting')
@ApiBearerAuth()
@Controller('listings/:listingId/proposals')
export class ProposalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('staff', 'admin', 'landlord')
  async list(@CurrentUser() user: AuthenticatedUser, @Param('listingId', ParseUUIDPipe) listingId: string, @Res({ passthrough: true }) reply: Reply) {
    const { answer, revision } = await this.queries.execute(new ProposalsOfListing(user, listingId));
    withEtag(reply, revision);
    return answer;
  }

  @Post(':proposalId/approve')
  @Roles('landlord')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: 'Approved; the contract is signed next' })
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.decide(new DecideProposal(user, listingId, proposalId, 'approve', undefined, revisionFromIfMatch(ifMatch)), reply);
  }

  @Post(':proposalId/reject')
  @Roles('landlord')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: 'Rejected with the reason; the next in line is asked for certificates' })
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: RejectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.decide(new DecideProposal(user, listingId, proposalId, 'reject', body.reason, revisionFromIfMatch(ifMatch)), reply);
  }

  @Post(':proposalId/contract')
  @Roles('landlord', 'staff', 'admin')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: "The signed contract: the flat is let, the listing closed, the tenant's other applications withdrawn" })
  async sign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: ContractDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { answer, revision } = await this.commands.execute(new SignContract(user, listingId, proposalId, body.contractDate, revisionFromIfMatch(ifMatch)));
    withEtag(reply, revision);
    return answer;
  }

  private async decide(command: DecideProposal, reply: Reply) {
    const { answer, revision } = await this.commands.execute(command);
    withEtag(reply, revision);
    return answer;
  }
}
