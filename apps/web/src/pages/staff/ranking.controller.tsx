import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { accessReasonFor, stateAccessReason } from '../../server/session.js';
import { RankingPageView } from './ranking.page.js';
import { rankingData } from './ranking.query.js';
import { reasonRefused } from './seeker.query.js';
import { asStaff, formText, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';

const pageOf = (value: unknown): number => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
};

/** The decided ranking of a listing for staff; names only after a stated reason, which the applicants app logs with each read. */
@Controller('handlaggare/bostader/:listingId/rangordning')
export class StaffRankingController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async ranking(@Param('listingId', ParseUUIDPipe) listingId: string, @Query('sida') page: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const call = asStaff(request, staff);
    const view = await this.pages.view(request, reply);
    try {
      const data = await rankingData(this.api, call, listingId, pageOf(page), (applicantId) => accessReasonFor(request, applicantId));
      sendPage(reply, <RankingPageView view={view} data={data} errors={[]} />);
    } catch (error) {
      if (!reasonRefused(error)) throw error;
      // The applicants app would not take the reason: the page without names, the reason asked for again.
      const data = await rankingData(this.api, call, listingId, pageOf(page), () => undefined);
      sendPage(reply, <RankingPageView view={view} data={data} errors={staffProblems(error, view.locale, 'skal', { 'X-Access-Reason': 'skal' })} />, 400);
    }
  }

  /** The reason covers the people of this page of the ranking; whether it will do is the applicants app's rule, which the next page view applies. */
  @Post('skal')
  async reason(
    @Param('listingId', ParseUUIDPipe) listingId: string,
    @Query('sida') page: unknown,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const staff = requireStaff(request);
    const data = await rankingData(this.api, asStaff(request, staff), listingId, pageOf(page), () => undefined);
    stateAccessReason(
      request,
      formText(body.skal),
      data.ranking.ranking.map((place) => place.applicantId),
    );
    seeOther(reply, `/handlaggare/bostader/${listingId}/rangordning?sida=${pageOf(page)}`);
  }
}
