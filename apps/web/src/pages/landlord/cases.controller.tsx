import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient, type Call } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import { CasePage } from './case.page.js';
import { CasesPage } from './cases.page.js';
import type { CaseDetail, CaseForm, CaseRow } from './cases.types.js';
import { landlordProblems } from './landlord-problems.js';
import { asLandlord, formText, idempotencyKey, requireLandlord } from './landlord-session.js';
import type { LandlordUser } from './landlord.types.js';

/**
 * The organisation's cases with the agency (questions, improvement requests): the list, a new one,
 * and each one's history with a message to add. The organisation is the session's; a case id in the
 * address is looked up by the landlords app under that organisation only, so another's is a 404.
 */
@Controller('hyresvard/arenden')
export class LandlordCasesController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const [view, cases] = await Promise.all([this.pages.view(request, reply), this.cases(asLandlord(request, landlord), landlord.landlordId)]);
    sendPage(reply, <CasesPage view={view} cases={cases} form={{}} errors={[]} />);
  }

  @Post()
  async register(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const call = asLandlord(request, landlord);
    const form: CaseForm = { category: formText(body.category), subject: formText(body.subject), description: formText(body.description) };
    try {
      const registered = await this.api.post<{ caseId: string }>('landlords', `/landlords/${landlord.landlordId}/cases`, { ...call, idempotencyKey: idempotencyKey(body), body: form });
      rememberWrite(request, registered.logPosition);
      setFlash(request, { kind: 'success', key: 'landlord.cases.registered' });
      seeOther(reply, `/hyresvard/arenden/${registered.body.caseId}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const [view, cases] = await Promise.all([this.pages.view(request, reply), this.cases(call, landlord.landlordId)]);
      const errors = landlordProblems(error, view.locale, { field: 'subject', key: 'landlord.cases.refused' });
      sendPage(reply, <CasesPage view={view} cases={cases} form={form} errors={errors} />, error.status);
    }
  }

  @Get(':caseId')
  async case(@Param('caseId', ParseUUIDPipe) caseId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const [view, data] = await Promise.all([this.pages.view(request, reply), this.detail(asLandlord(request, landlord), landlord.landlordId, caseId)]);
    sendPage(reply, <CasePage view={view} {...data} errors={[]} />);
  }

  @Post(':caseId/meddelanden')
  async message(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const call = asLandlord(request, landlord);
    const text = formText(body.text);
    try {
      const added = await this.api.post('landlords', `/landlords/${landlord.landlordId}/cases/${caseId}/messages`, { ...call, idempotencyKey: idempotencyKey(body), body: { text } });
      rememberWrite(request, added.logPosition);
      setFlash(request, { kind: 'success', key: 'landlord.cases.sent' });
      seeOther(reply, `/hyresvard/arenden/${caseId}#history-heading`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const [view, data] = await Promise.all([this.pages.view(request, reply), this.detail(call, landlord.landlordId, caseId)]);
      const errors = landlordProblems(error, view.locale, { field: 'text', key: 'landlord.cases.messageRefused' });
      sendPage(reply, <CasePage view={view} {...data} text={text} errors={errors} />, error.status);
    }
  }

  private async cases(call: Call, landlordId: string): Promise<CaseRow[]> {
    return (await this.api.get<CaseRow[]>('landlords', `/landlords/${landlordId}/cases`, call)).body;
  }

  /** The case (a 404 from the landlords app for another organisation's, before anything is shown) and the names of the organisation's users. */
  private async detail(call: Call, landlordId: string, caseId: string): Promise<{ detail: CaseDetail; names: ReadonlyMap<string, string> }> {
    const [detail, users] = await Promise.all([
      this.api.get<CaseDetail>('landlords', `/landlords/${landlordId}/cases/${caseId}`, call),
      this.api.get<LandlordUser[]>('landlords', `/landlords/${landlordId}/users`, call),
    ]);
    return { detail: detail.body, names: new Map(users.body.flatMap((user) => (user.name ? [[user.userId, user.name] as const] : []))) };
  }
}
