import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { sendPage } from '../../server/responses.js';
import { stateAccessReason } from '../../server/session.js';
import { SearchPage } from './search.page.js';
import { asStaff, formText, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';
import type { SeekerSearch } from './staff.types.js';

/** The API's names for the search's parts, as the form's fields. */
const FIELDS = { query: 'sok', 'X-Access-Reason': 'skal' };

/** The back office's start: find a seeker. The applicants app reads the query, decides who matches and logs each person found. */
@Controller('handlaggare')
export class StaffSearchController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async searchForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    requireStaff(request);
    const view = await this.pages.view(request, reply);
    sendPage(reply, <SearchPage view={view} errors={[]} />);
  }

  /** A POST, so a personnummer never stands in an address, a browser's history or a server log. */
  @Post('sok')
  async search(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const query = formText(body.sok);
    const reason = formText(body.skal);
    try {
      const answer = await this.api.post<SeekerSearch>('applicants', '/applicants/search', { ...asStaff(request, staff), accessReason: reason, body: { query } });
      stateAccessReason(
        request,
        reason,
        answer.body.seekers.map((seeker) => seeker.applicantId),
      );
      const view = await this.pages.view(request, reply);
      sendPage(reply, <SearchPage view={view} query={query} reason={reason} errors={[]} result={answer.body} />);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403) throw error;
      const view = await this.pages.view(request, reply);
      sendPage(reply, <SearchPage view={view} query={query} reason={reason} errors={staffProblems(error, view.locale, 'sok', FIELDS)} />, error.status);
    }
  }
}
