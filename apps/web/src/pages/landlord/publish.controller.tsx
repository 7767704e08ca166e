import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { messageFor } from '../../i18n/locale.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { rememberWrite, setFlash } from '../../server/session.js';
import type { Requirements } from '../listings/listing.js';
import { landlordProblems } from './landlord-problems.js';
import { asLandlord, idempotencyKey, requireLandlord } from './landlord-session.js';
import { listingFormOf, listingTypeOf, prefilledForm, previewOf, publishBody, unreadableFields } from './listing-form.js';
import { PreviewPage } from './preview.page.js';
import { PublishPage } from './publish.page.js';

/** Publishing a listing: prefilled from the guideline, previewed as seekers will see it, then sent to the listings app, which decides. */
@Controller('hyresvard/annonser/ny')
export class PublishController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async form(@Query('typ') type: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const listingType = listingTypeOf(type);
    const [view, template] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<Requirements>('listings', '/listings/requirements-template', { ...asLandlord(request, landlord), query: { listingType } }),
    ]);
    sendPage(reply, <PublishPage view={view} form={prefilledForm(listingType, template.body)} errors={[]} />);
  }

  @Post()
  async submit(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const landlord = requireLandlord(request);
    const form = listingFormOf(body);
    const view = await this.pages.view(request, reply);
    if (body.action === 'edit') {
      sendPage(reply, <PublishPage view={view} form={form} errors={[]} />);
      return;
    }
    if (body.action !== 'publish') {
      const unreadable = unreadableFields(form);
      if (unreadable.length === 0) sendPage(reply, <PreviewPage view={view} form={form} listing={previewOf(form)} />);
      else {
        const errors = unreadable.map((field) => ({ field, message: messageFor(view.locale, `landlord.field.${field.replace('-', '.')}`) ?? view.t('field.invalid') }));
        sendPage(reply, <PublishPage view={view} form={form} errors={errors} />, 400);
      }
      return;
    }
    try {
      const published = await this.api.post<{ listingId: string }>('listings', '/listings', { ...asLandlord(request, landlord), idempotencyKey: idempotencyKey(body), body: publishBody(form) });
      rememberWrite(request, published.logPosition);
      setFlash(request, { kind: 'success', key: 'landlord.publish.done' });
      seeOther(reply, `/hyresvard/annonser/${encodeURIComponent(published.body.listingId)}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status === 403 || error.status === 404) throw error;
      const errors = landlordProblems(error, view.locale, { field: 'address', key: 'landlord.publish.refused' });
      sendPage(reply, <PublishPage view={view} form={form} errors={errors} />, error.status);
    }
  }
}
