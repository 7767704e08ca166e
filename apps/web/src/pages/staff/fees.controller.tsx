import { Body, Controller, Get, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { sendPage } from '../../server/responses.js';
import { rememberWrite } from '../../server/session.js';
import { idempotencyKey } from '../landlord/landlord-session.js';
import { DiscrepanciesPage } from './discrepancies.page.js';
import { FeesPage } from './fees.page.js';
import { typedNumber } from './form-number.js';
import { DISCREPANCY_KINDS, RESOLUTION_FIELDS, type Discrepancy, type PaymentFileReport, type PaymentResult, type ResolutionResult } from './fees.types.js';
import { ResolveDiscrepancyPage } from './resolve-discrepancy.page.js';
import { staffNames } from './staff-names.js';
import type { StaffSession } from '../../server/session.js';
import { asStaff, formText, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';

const PAYMENT_FIELDS = ['reference', 'amount', 'paidOn', 'bankReference'] as const;

/** An uploaded file's part of a multipart form, as @fastify/multipart attaches it. */
const uploaded = (value: unknown): Buffer | undefined => (Buffer.isBuffer(value) && value.length > 0 ? value : undefined);

/**
 * The annual fee for staff. The applicants app matches each payment to its notice and decides paid,
 * late or discrepancy; the pages show what it decided, and its refusals at the fields.
 */
@Controller('handlaggare/avgifter')
export class StaffFeesController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async fees(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    requireStaff(request);
    sendPage(reply, <FeesPage view={await this.pages.view(request, reply)} errors={[]} />);
  }

  @Post('betalning')
  async registerPayment(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const payment = Object.fromEntries(PAYMENT_FIELDS.map((field) => [field, formText(body[field])]));
    const sent = { reference: payment.reference, amount: typedNumber(payment.amount), paidOn: payment.paidOn, bankReference: payment.bankReference || undefined };
    try {
      const answer = await this.api.post<PaymentResult>('applicants', '/applicants/fees/payments', { ...asStaff(request, staff), idempotencyKey: idempotencyKey(body), body: sent });
      rememberWrite(request, answer.logPosition);
      sendPage(reply, <FeesPage view={await this.pages.view(request, reply)} errors={[]} result={answer.body} />, answer.status);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403) throw error;
      const view = await this.pages.view(request, reply);
      sendPage(reply, <FeesPage view={view} payment={payment} errors={staffProblems(error, view.locale, 'reference')} />, error.status);
    }
  }

  @Post('fil')
  async uploadFile(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const file = uploaded(body.fil);
    const view = await this.pages.view(request, reply);
    if (!file) {
      sendPage(reply, <FeesPage view={view} errors={[{ field: 'fil', message: view.t('staff.fees.noFile') }]} />, 400);
      return;
    }
    try {
      const answer = await this.api.post<PaymentFileReport>('applicants', '/applicants/fees/payment-files', {
        ...asStaff(request, staff),
        raw: { contentType: 'text/csv', data: file },
      });
      rememberWrite(request, answer.logPosition);
      sendPage(reply, <FeesPage view={view} errors={[]} report={answer.body} />, answer.status);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403) throw error;
      sendPage(reply, <FeesPage view={view} errors={staffProblems(error, view.locale, 'fil', { content: 'fil', file: 'fil' })} />, error.status);
    }
  }

  @Get('avvikelser')
  async discrepancies(@Query('typ') kind: unknown, @Query('visa') show: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const chosen = DISCREPANCY_KINDS.find((candidate) => candidate === kind);
    const resolved = show === 'losta';
    const call = asStaff(request, staff);
    const answer = await this.api.get<{ items: Discrepancy[] }>('applicants', '/applicants/fees/discrepancies', { ...call, query: { kind: chosen, state: resolved ? 'resolved' : undefined } });
    const view = await this.pages.view(request, reply);
    const names = resolved
      ? await staffNames(
          this.api,
          call,
          answer.body.items.flatMap((item) => item.resolution?.resolvedBy ?? []),
          view.locale,
        )
      : {};
    sendPage(reply, <DiscrepanciesPage view={view} items={answer.body.items} kind={chosen} showResolved={resolved} names={names} />);
  }

  @Get('avvikelser/losa')
  async resolveForm(@Query('id') id: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const item = await this.openDiscrepancy(request, staff, id);
    sendPage(reply, <ResolveDiscrepancyPage view={await this.pages.view(request, reply)} item={item} errors={[]} />);
  }

  @Post('avvikelser/losa')
  async resolve(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const item = await this.openDiscrepancy(request, staff, body.id);
    const values = Object.fromEntries(RESOLUTION_FIELDS.map((field) => [field, formText(body[field])]));
    const sent = { discrepancyId: item.id, resolution: values.resolution, note: values.note, reference: values.resolution === 'matched' ? values.reference : undefined };
    try {
      const answer = await this.api.post<ResolutionResult>('applicants', '/applicants/fees/discrepancy-resolutions', { ...asStaff(request, staff), idempotencyKey: idempotencyKey(body), body: sent });
      rememberWrite(request, answer.logPosition);
      const open = await this.api.get<{ items: Discrepancy[] }>('applicants', '/applicants/fees/discrepancies', asStaff(request, staff));
      sendPage(reply, <DiscrepanciesPage view={await this.pages.view(request, reply)} items={open.body.items.filter((d) => d.id !== item.id)} resolved={answer.body} names={{}} />, answer.status);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403) throw error;
      const view = await this.pages.view(request, reply);
      sendPage(
        reply,
        <ResolveDiscrepancyPage view={view} item={item} values={values} errors={staffProblems(error, view.locale, 'resolution', { discrepancyId: 'resolution' }, 'resolve')} />,
        error.status,
      );
    }
  }

  /** The discrepancy a resolve page is about; resolved meanwhile (by anyone) it is listed no more. */
  private async openDiscrepancy(request: FastifyRequest, staff: StaffSession, id: unknown): Promise<Discrepancy> {
    const wanted = formText(id);
    const answer =
      wanted === '' ? undefined : await this.api.get<{ items: Discrepancy[] }>('applicants', '/applicants/fees/discrepancies', { ...asStaff(request, staff), query: { id: wanted, state: 'all' } });
    const item = answer?.body.items[0];
    if (!item) throw new NotFoundException();
    return item;
  }
}
