import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import type { View } from '../../views/view.js';
import { landlordProblems } from './landlord-problems.js';
import { asLandlord, formText, idempotencyKey, requireLandlord } from './landlord-session.js';
import type { OwnListing } from './landlord.types.js';
import { MyListingsPage } from './my-listings.page.js';
import { ownListingData } from './own-listing.query.js';
import { OwnListingPage } from './own-listing.page.js';
import type { ShowingForm } from './showings.section.js';
import { stockholmInstant } from './showing-time.js';

/** The listings app's names for the showing's fields, as the form's input ids. */
const SHOWING_FIELDS: Readonly<Record<string, string>> = { slots: 'showing-date', 'slots.0.startsAt': 'showing-start', 'slots.0.endsAt': 'showing-end', answerBy: 'answerBy' };

/**
 * My listings and each one's page: withdrawing it and scheduling showings. A listing id in the address
 * is checked against the signed-in landlord (own-listing.query.ts) before anything of it is shown.
 */
@Controller('hyresvard/annonser')
export class MyListingsController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const [view, listings] = await Promise.all([this.pages.view(request, reply), this.api.get<OwnListing[]>('listings', '/listings/mine', asLandlord(request, landlord))]);
    sendPage(reply, <MyListingsPage view={view} listings={listings.body} />);
  }

  @Get(':listingId')
  async listing(@Param('listingId', ParseUUIDPipe) listingId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const [view, data] = await Promise.all([this.pages.view(request, reply), ownListingData(this.api, asLandlord(request, landlord), landlord.landlordId, listingId)]);
    sendPage(reply, <OwnListingPage view={view} data={data} errors={[]} />);
  }

  @Post(':listingId/aterkalla')
  async withdraw(@Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const view = await this.pages.view(request, reply);
    if (body.confirm !== 'yes') {
      await this.again(request, reply, view, listingId, [{ field: 'withdraw-confirm', message: view.t('landlord.withdraw.notConfirmed') }], 400);
      return;
    }
    try {
      const withdrawn = await this.api.post('listings', `/listings/${listingId}/withdraw`, { ...asLandlord(request, landlord), idempotencyKey: idempotencyKey(body) });
      rememberWrite(request, withdrawn.logPosition);
      setFlash(request, { kind: 'success', key: 'landlord.withdraw.done' });
      seeOther(reply, `/hyresvard/annonser/${listingId}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      await this.again(request, reply, view, listingId, landlordProblems(error, view.locale, { field: 'withdraw-confirm', key: 'landlord.withdraw.refused' }), error.status);
    }
  }

  @Post(':listingId/visningar')
  async schedule(@Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const form = { date: formText(body['showing-date']), start: formText(body['showing-start']), end: formText(body['showing-end']), answerBy: formText(body.answerBy) };
    // A time that is not one is sent as typed, so the listings app names the field it refuses.
    const slot = { startsAt: stockholmInstant(form.date, form.start) ?? form.start, endsAt: stockholmInstant(form.date, form.end) ?? form.end };
    try {
      const scheduled = await this.api.post('listings', `/listings/${listingId}/showings`, {
        ...asLandlord(request, landlord),
        idempotencyKey: idempotencyKey(body),
        body: { slots: [slot], ...(form.answerBy && { answerBy: form.answerBy }) },
      });
      rememberWrite(request, scheduled.logPosition);
      setFlash(request, { kind: 'success', key: 'landlord.showings.done' });
      seeOther(reply, `/hyresvard/annonser/${listingId}#showings-heading`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const view = await this.pages.view(request, reply);
      const problems = landlordProblems(error, view.locale, { field: 'showing-date', key: 'landlord.showings.refused' });
      const errors = problems.map((problem) => ({ ...problem, field: SHOWING_FIELDS[problem.field.replaceAll('-', '.')] ?? problem.field }));
      await this.again(request, reply, view, listingId, errors, error.status, form);
    }
  }

  /** A refused form: the listing's page again, with the reasons at the form's fields. */
  private async again(request: FastifyRequest, reply: FastifyReply, view: View, listingId: string, errors: FieldMessage[], status: number, showingForm?: ShowingForm): Promise<void> {
    const landlord = requireLandlord(request);
    const data = await ownListingData(this.api, asLandlord(request, landlord), landlord.landlordId, listingId);
    sendPage(reply, <OwnListingPage view={view} data={data} errors={errors} showingForm={showingForm} />, status);
  }
}
