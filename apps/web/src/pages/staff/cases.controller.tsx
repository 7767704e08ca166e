import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import { idempotencyKey } from '../landlord/landlord-session.js';
import { CaseInboxPage } from './case-inbox.page.js';
import type { InboxCase, LandlordCase, LandlordCaseRow } from './cases.types.js';
import { LandlordCasePage } from './landlord-case.page.js';
import { asStaff, formText, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';

/** The staff's work queue of cases; a landlord's case is answered and closed here, a seeker's on the seeker's page. */
@Controller('handlaggare/arenden')
export class StaffCasesController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async inbox(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const call = { ...asStaff(request, staff), query: { status: 'open' } };
    const [view, customer, landlord] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<InboxCase[]>('applicants', '/applicants/cases', call),
      this.api.get<LandlordCaseRow[]>('landlords', '/landlords/cases', call),
    ]);
    sendPage(reply, <CaseInboxPage view={view} customer={customer.body} landlord={landlord.body} />);
  }

  @Get('hyresvard/:landlordId/:caseId')
  async landlordCase(
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.render(request, reply, landlordId, caseId);
  }

  @Post('hyresvard/:landlordId/:caseId/svar')
  answer(
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.write(request, reply, landlordId, caseId, 'answer', formText(body.svar), body);
  }

  @Post('hyresvard/:landlordId/:caseId/stang')
  close(
    @Param('landlordId', ParseUUIDPipe) landlordId: string,
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.write(request, reply, landlordId, caseId, 'close', formText(body.losning), body);
  }

  private async write(request: FastifyRequest, reply: FastifyReply, landlordId: string, caseId: string, form: 'answer' | 'close', text: string, body: Record<string, unknown>): Promise<void> {
    const staff = requireStaff(request);
    try {
      const answer = await this.api.post('landlords', `/landlords/${landlordId}/cases/${caseId}/${form}`, { ...asStaff(request, staff), idempotencyKey: idempotencyKey(body), body: { text } });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: form === 'answer' ? 'staff.flash.landlordAnswered' : 'staff.flash.landlordClosed' });
      seeOther(reply, `/handlaggare/arenden/hyresvard/${landlordId}/${caseId}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const view = await this.pages.view(request, reply);
      const field = form === 'answer' ? 'svar' : 'losning';
      await this.render(request, reply, landlordId, caseId, { form, text, errors: staffProblems(error, view.locale, field, { text: field }) }, error.status);
    }
  }

  private async render(request: FastifyRequest, reply: FastifyReply, landlordId: string, caseId: string, refused?: Parameters<typeof LandlordCasePage>[0]['refused'], status = 200): Promise<void> {
    const staff = requireStaff(request);
    const [view, item] = await Promise.all([this.pages.view(request, reply), this.api.get<LandlordCase>('landlords', `/landlords/${landlordId}/cases/${caseId}`, asStaff(request, staff))]);
    sendPage(reply, <LandlordCasePage view={view} item={item.body} refused={refused} />, status);
  }
}
