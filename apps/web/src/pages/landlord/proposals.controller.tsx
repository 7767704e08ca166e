import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import { landlordProblems } from './landlord-problems.js';
import { asLandlord, formText, idempotencyKey, requireLandlord } from './landlord-session.js';
import { ownListingData } from './own-listing.query.js';
import { OwnListingPage } from './own-listing.page.js';

type Decision = 'approve' | 'reject' | 'contract';

const DONE: Readonly<Record<Decision, string>> = { approve: 'landlord.proposals.approved', reject: 'landlord.proposals.rejected', contract: 'landlord.proposals.contracted' };

/** The landlord's decisions on a proposed applicant; the listings app checks the listing is its own and the order of the steps. */
@Controller('hyresvard/annonser/:listingId/forslag/:proposalId')
export class ProposalsController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Post('godkann')
  approve(
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.decide(request, reply, listingId, proposalId, 'approve', body, undefined);
  }

  @Post('avsla')
  reject(
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.decide(request, reply, listingId, proposalId, 'reject', body, { reason: formText(body[`reason-${proposalId}`]) });
  }

  @Post('kontrakt')
  contract(
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.decide(request, reply, listingId, proposalId, 'contract', body, { contractDate: formText(body[`contractDate-${proposalId}`]) });
  }

  private async decide(
    request: FastifyRequest,
    reply: FastifyReply,
    listingId: string,
    proposalId: string,
    decision: Decision,
    body: Record<string, unknown>,
    payload: object | undefined,
  ): Promise<void> {
    const landlord = requireLandlord(request);
    const call = asLandlord(request, landlord);
    try {
      const decided = await this.api.post('listings', `/listings/${listingId}/proposals/${proposalId}/${decision}`, { ...call, idempotencyKey: idempotencyKey(body), body: payload });
      rememberWrite(request, decided.logPosition);
      setFlash(request, { kind: 'success', key: DONE[decision] });
      seeOther(reply, `/hyresvard/annonser/${listingId}#proposals-heading`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const [view, data] = await Promise.all([this.pages.view(request, reply), ownListingData(this.api, call, landlord.landlordId, listingId)]);
      const field = decision === 'contract' ? `contractDate-${proposalId}` : decision === 'reject' ? `reason-${proposalId}` : `proposal-${proposalId}`;
      const errors = landlordProblems(error, view.locale, { field, key: 'landlord.proposals.refused' }).map((problem) => ({ ...problem, field }));
      sendPage(reply, <OwnListingPage view={view} data={data} errors={errors} />, error.status);
    }
  }
}
