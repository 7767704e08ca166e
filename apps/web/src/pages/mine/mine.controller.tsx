import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal, SessionExpired } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { endSession, readAfter, rememberWrite, setFlash, signedIn, type SeekerSession } from '../../server/session.js';
import { fieldProblems } from '../account/field-problems.js';
import type { ApplicantsPolicy } from '../home/queue-rules.js';
import { ApplicationPage } from './application.page.js';
import { ApplicationsPage } from './applications.page.js';
import { FeesPage } from './fees.page.js';
import type { Account, Application, Fees, HistoryEntry, Invitation, PlaceExplanation, QueueTime } from './mine.types.js';
import { MyDataPage, type ContactForm } from './my-data.page.js';
import { gatherExtract, type RegisterExtract } from './register-extract.js';
import { OverviewPage } from './overview.page.js';
import { QueueTimePage } from './queue-time.page.js';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const idem = (body: Record<string, unknown>) => (typeof body._idem === 'string' ? body._idem : undefined);

/**
 * Mina sidor. The account is always the signed-in seeker's own, from the session,
 * never from the address; an application id in the address is checked by the
 * listings app against the token, so another seeker's id is a 404.
 */
@Controller('mina-sidor')
export class MineController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async overview(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const [view, account] = await Promise.all([this.pages.view(request, reply), this.account(request, seeker)]);
    sendPage(reply, <OverviewPage view={view} account={account.body} />);
  }

  @Get('ansokningar')
  async applications(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const [view, applications] = await Promise.all([this.pages.view(request, reply), this.api.get<Application[]>('listings', '/applications', this.as(request, seeker))]);
    sendPage(reply, <ApplicationsPage view={view} applications={applications.body} />);
  }

  @Get('ansokningar/:applicationId')
  async application(@Param('applicationId', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const call = this.as(request, seeker);
    const [view, application, explanation, invitation] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<Application>('listings', `/applications/${id}`, call),
      this.api.get<PlaceExplanation>('listings', `/applications/${id}/explanation`, call),
      this.api.get<Invitation>('listings', `/applications/${id}/invitation`, call),
    ]);
    sendPage(reply, <ApplicationPage view={view} application={application.body} explanation={explanation.body} invitation={invitation.body} />);
  }

  @Post('ansokningar/:applicationId/intresse')
  async interest(@Param('applicationId', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const interested = body.interested === 'yes';
    await this.write(
      request,
      reply,
      id,
      () => this.api.post('listings', `/applications/${id}/interest`, { ...this.as(request, this.seeker(request)), idempotencyKey: idem(body), body: { interested } }),
      interested ? 'invitation.answeredYes' : 'invitation.answeredNo',
    );
  }

  @Post('ansokningar/:applicationId/aterkalla')
  async withdraw(@Param('applicationId', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.write(
      request,
      reply,
      id,
      () => this.api.post('listings', `/applications/${id}/withdraw`, { ...this.as(request, this.seeker(request)), idempotencyKey: idem(body) }),
      'application.withdrawn',
    );
  }

  @Get('kotid')
  async queueTime(@Query('datum') asked: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const call = this.as(request, seeker);
    const base = `/applicants/${seeker.applicantId}`;
    const date = text(asked);
    const [view, today, history] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<QueueTime>('applicants', `${base}/queue-time`, call),
      this.api.get<HistoryEntry[]>('applicants', `${base}/history`, call),
    ]);
    let onDate: QueueTime | undefined;
    let errors: { field: string; message: string }[] = [];
    if (date) {
      try {
        onDate = (await this.api.get<QueueTime>('applicants', `${base}/queue-time`, { ...call, query: { asOf: date } })).body;
      } catch (error) {
        if (!(error instanceof ApiRefusal) || error.status !== 400) throw error;
        errors = [{ field: 'datum', message: view.t('queue.badDate') }];
      }
    }
    const page = <QueueTimePage view={view} today={today.body} onDate={onDate} asked={date} errors={errors} history={history.body} applicantId={seeker.applicantId} />;
    sendPage(reply, page, errors.length ? 400 : 200);
  }

  @Get('avgift')
  async fees(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const [view, fees, policy] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<Fees>('applicants', `/applicants/${seeker.applicantId}/fees`, this.as(request, seeker)),
      this.api.get<ApplicantsPolicy>('applicants', '/applicants/policy'),
    ]);
    sendPage(reply, <FeesPage view={view} fees={fees.body} policy={policy.body} />);
  }

  @Get('uppgifter')
  async myData(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const [view, account, extract] = await Promise.all([this.pages.view(request, reply), this.account(request, seeker), this.extract(request, seeker)]);
    const personal = account.body.personal;
    const form: ContactForm = { email: personal?.email, phone: personal?.phone, street: personal?.address?.street, postalCode: personal?.address?.postalCode, city: personal?.address?.city };
    sendPage(reply, <MyDataPage view={view} account={account.body} extract={extract} form={form} errors={[]} />);
  }

  @Post('uppgifter')
  async changeContact(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const form: ContactForm = {
      email: text(body.email),
      phone: text(body.phone),
      street: text(body['address-street']),
      postalCode: text(body['address-postalCode']),
      city: text(body['address-city']),
    };
    const account = await this.account(request, seeker);
    const address = form.street || form.postalCode || form.city ? { street: form.street, postalCode: form.postalCode, city: form.city } : undefined;
    try {
      const changed = await this.api.patch('applicants', `/applicants/${seeker.applicantId}/contact`, {
        ...this.as(request, seeker),
        ifMatch: account.etag,
        idempotencyKey: idem(body),
        body: { email: form.email || undefined, phone: form.phone || undefined, address },
      });
      rememberWrite(request, changed.logPosition);
      setFlash(request, { kind: 'success', key: 'data.saved' });
      seeOther(reply, '/mina-sidor/uppgifter');
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      const [view, extract] = await Promise.all([this.pages.view(request, reply), this.extract(request, seeker)]);
      const errors = fieldProblems(error, view.locale, { field: 'email', key: 'field.invalid' });
      sendPage(reply, <MyDataPage view={view} account={account.body} extract={extract} form={form} errors={errors} />, error.status);
    }
  }

  @Get('uppgifter/registerutdrag.json')
  async download(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const extract = await this.extract(request, this.seeker(request));
    reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="registerutdrag.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(extract, null, 2));
  }

  @Post('uppgifter/avsluta')
  async close(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    if (body.confirm !== 'yes') {
      setFlash(request, { kind: 'info', key: 'data.closeNotConfirmed' });
      seeOther(reply, '/mina-sidor/uppgifter');
      return;
    }
    await this.api.post('applicants', `/applicants/${seeker.applicantId}/close`, { ...this.as(request, seeker), idempotencyKey: idem(body) });
    endSession(request);
    setFlash(request, { kind: 'info', key: 'data.closed' });
    seeOther(reply, '/');
  }

  private seeker(request: FastifyRequest): SeekerSession {
    const seeker = signedIn(request, 'seeker');
    if (!seeker) throw new SessionExpired();
    return seeker;
  }

  private as(request: FastifyRequest, seeker: SeekerSession) {
    return { token: seeker.token, readAfter: readAfter(request) };
  }

  private account(request: FastifyRequest, seeker: SeekerSession) {
    return this.api.get<Account>('applicants', `/applicants/${seeker.applicantId}`, this.as(request, seeker));
  }

  /** Every app's section, asked in parallel with the seeker's own token. */
  private extract(request: FastifyRequest, seeker: SeekerSession): Promise<RegisterExtract> {
    return gatherExtract(this.api, seeker.applicantId, this.as(request, seeker), new Date());
  }

  /** A letting answer or withdrawal: refused ones come back to the application page with the reason as a notice. */
  private async write(request: FastifyRequest, reply: FastifyReply, applicationId: string, send: () => Promise<{ logPosition?: string }>, done: string): Promise<void> {
    try {
      rememberWrite(request, (await send()).logPosition);
      setFlash(request, { kind: 'success', key: done });
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 404) throw error;
      const code = typeof error.problem.code === 'string' ? error.problem.code : error.problem.type.split('/').pop();
      setFlash(request, { kind: 'info', key: `refusal.${code}` });
    }
    seeOther(reply, `/mina-sidor/ansokningar/${encodeURIComponent(applicationId)}`);
  }
}
