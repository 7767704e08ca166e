import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { idempotencyKey } from '../landlord/landlord-session.js';
import { typedNumber } from './form-number.js';
import { lettingData } from './letting.query.js';
import { LettingPage } from './letting.page.js';
import { stockholmInstant } from '../landlord/showing-time.js';
import { SHOWING_API_FIELDS, SHOWING_FIELDS, VERIFICATION_FIELDS, type ListingInProgress } from './letting.types.js';
import { ListingsInProgressPage } from './listings-in-progress.page.js';
import { asStaff, formText, requireStaff } from './staff-session.js';
import { staffProblems } from './staff-problems.js';

const yesNo = (value: string): boolean | string => (value === 'yes' ? true : value === 'no' ? false : value);

/** Listings in progress for staff: the listings app closes, ranks, advances and checks; these pages ask it to and show what it recorded. */
@Controller('handlaggare/bostader')
export class StaffLettingController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async inProgress(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const staff = requireStaff(request);
    const [view, listings] = await Promise.all([this.pages.view(request, reply), this.api.get<ListingInProgress[]>('listings', '/listings/in-progress', asStaff(request, staff))]);
    sendPage(reply, <ListingsInProgressPage view={view} listings={listings.body} />);
  }

  @Get(':listingId')
  async listing(@Param('listingId', ParseUUIDPipe) listingId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.render(request, reply, listingId, {}, []);
  }

  @Post(':listingId/stang')
  close(@Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.act(request, reply, listingId, `/listings/${listingId}/close`, body, 'staff.flash.closed');
  }

  @Post(':listingId/framat')
  advance(@Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.act(request, reply, listingId, `/listings/${listingId}/letting/advance`, body, 'staff.flash.advanced');
  }

  @Post(':listingId/verifiering')
  async verify(@Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = Object.fromEntries(Object.keys(VERIFICATION_FIELDS).map((field) => [field, formText(body[field])]));
    const sent = {
      applicationId: formText(body.applicationId),
      certificatesReceivedOn: form.certificatesReceivedOn,
      householdSize: typedNumber(form.householdSize),
      taxableIncome: typedNumber(form.taxableIncome),
      nonTaxableIncome: typedNumber(form.nonTaxableIncome),
      birthDate: form.birthDate,
      hasPaymentRemarks: yesNo(form.hasPaymentRemarks),
    };
    const staff = requireStaff(request);
    try {
      const answer = await this.api.post('listings', `/listings/${listingId}/letting/verification`, { ...asStaff(request, staff), idempotencyKey: idempotencyKey(body), body: sent });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: 'staff.flash.verified' });
      seeOther(reply, `/handlaggare/bostader/${listingId}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const view = await this.pages.view(request, reply);
      await this.render(request, reply, listingId, form, staffProblems(error, view.locale, 'certificatesReceivedOn'), error.status);
    }
  }

  @Post(':listingId/visningar')
  async schedule(@Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const f = SHOWING_FIELDS;
    const form = Object.fromEntries(Object.values(f).map((field) => [field, formText(body[field])]));
    // A date or time that is not one is sent as typed, so the listings app names the field it refuses.
    const slot = { startsAt: stockholmInstant(form[f.date], form[f.start]) ?? form[f.start], endsAt: stockholmInstant(form[f.date], form[f.end]) ?? form[f.end] };
    const staff = requireStaff(request);
    try {
      const answer = await this.api.post('listings', `/listings/${listingId}/showings`, {
        ...asStaff(request, staff),
        idempotencyKey: idempotencyKey(body),
        body: { slots: [slot], ...(form[f.answerBy] && { answerBy: form[f.answerBy] }) },
      });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: 'staff.flash.showingScheduled' });
      seeOther(reply, `/handlaggare/bostader/${listingId}#showings-heading`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const view = await this.pages.view(request, reply);
      await this.render(request, reply, listingId, form, staffProblems(error, view.locale, f.date, SHOWING_API_FIELDS, 'showing'), error.status);
    }
  }

  private async act(request: FastifyRequest, reply: FastifyReply, listingId: string, path: string, body: Record<string, unknown>, done: 'staff.flash.closed' | 'staff.flash.advanced'): Promise<void> {
    const staff = requireStaff(request);
    try {
      const answer = await this.api.post('listings', path, { ...asStaff(request, staff), idempotencyKey: idempotencyKey(body) });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: done });
      seeOther(reply, `/handlaggare/bostader/${listingId}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const view = await this.pages.view(request, reply);
      await this.render(request, reply, listingId, {}, staffProblems(error, view.locale, 'main'), error.status);
    }
  }

  private async render(request: FastifyRequest, reply: FastifyReply, listingId: string, form: Record<string, string>, errors: FieldMessage[], status = 200): Promise<void> {
    const staff = requireStaff(request);
    const [view, data] = await Promise.all([this.pages.view(request, reply), lettingData(this.api, asStaff(request, staff), listingId)]);
    sendPage(reply, <LettingPage view={view} data={data} form={form} errors={errors} />, status);
  }
}
