import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal, SessionExpired } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { readAfter, rememberWrite, setFlash, signedIn } from '../../server/session.js';
import { fieldProblems } from '../account/field-problems.js';
import { ApplyPage } from './apply.page.js';
import { declarationFields, declarationOf } from './declaration.js';
import type { Eligibility, Refusal } from './eligibility.js';
import type { Listing, SearchResult } from './listing.js';
import { ListingPage } from './listing.page.js';
import { SearchPage } from './search.page.js';
import { searchQueryOf } from './search-query.js';

const PAGE_SIZE = 20;

/** Public search and listing pages, and applying: every rule is the listings app's, asked over HTTP. */
@Controller('bostader')
export class ListingsController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async search(@Query() raw: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = searchQueryOf(raw);
    const view = await this.pages.view(request, reply);
    try {
      const { body } = await this.api.get<SearchResult>('listings', '/listings', { query: { ...query, pageSize: PAGE_SIZE } });
      sendPage(reply, <SearchPage view={view} query={query} result={body} errors={[]} />);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status !== 400) throw error;
      const errors = fieldProblems(error, view.locale, { field: 'municipality', key: 'field.invalid' }).map((e) => ({ ...e, message: view.t('search.invalidFilter') }));
      sendPage(reply, <SearchPage view={view} query={query} errors={errors} />, 400);
    }
  }

  @Get(':listingId')
  async listing(@Param('listingId', ParseUUIDPipe) listingId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = signedIn(request, 'seeker');
    const [view, listing, eligibility] = await Promise.all([this.pages.view(request, reply), this.listingById(listingId), seeker ? this.eligibility(request, listingId) : undefined]);
    sendPage(reply, <ListingPage view={view} listing={listing} eligibility={eligibility} />);
  }

  @Get(':listingId/ansok')
  async applyForm(@Param('listingId', ParseUUIDPipe) listingId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    this.requireSeeker(request);
    const [view, listing] = await Promise.all([this.pages.view(request, reply), this.listingById(listingId)]);
    sendPage(reply, <ApplyPage view={view} listing={listing} form={{}} errors={[]} />);
  }

  @Post(':listingId/ansok')
  async apply(@Param('listingId', ParseUUIDPipe) listingId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.requireSeeker(request);
    const form = declarationOf(body);
    const fields = declarationFields(form);
    const [view, listing] = await Promise.all([this.pages.view(request, reply), this.listingById(listingId)]);
    try {
      if (body.action === 'check') {
        const checked = await this.eligibility(request, listingId, fields);
        sendPage(reply, <ApplyPage view={view} listing={listing} form={form} errors={[]} checked={checked.refusals} />);
        return;
      }
      const applied = await this.api.post<{ applicationId: string }>('listings', '/applications', {
        token: seeker.token,
        readAfter: readAfter(request),
        idempotencyKey: typeof body._idem === 'string' ? body._idem : undefined,
        body: { listingId, ...fields },
      });
      rememberWrite(request, applied.logPosition);
      setFlash(request, { kind: 'success', key: 'apply.done' });
      seeOther(reply, `/mina-sidor/ansokningar/${encodeURIComponent(applied.body.applicationId)}`);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      if (error.status === 400) {
        const errors = fieldProblems(error, view.locale, { field: 'householdSize', key: 'field.invalid' });
        sendPage(reply, <ApplyPage view={view} listing={listing} form={form} errors={errors} />, 400);
        return;
      }
      sendPage(reply, <ApplyPage view={view} listing={listing} form={form} errors={[]} refused={refusalsOf(error)} />, error.status);
    }
  }

  private async listingById(listingId: string): Promise<Listing> {
    return (await this.api.get<Listing>('listings', `/listings/${listingId}`)).body;
  }

  private async eligibility(request: FastifyRequest, listingId: string, declaration?: Readonly<Record<string, number | string | boolean>>): Promise<Eligibility> {
    const seeker = this.requireSeeker(request);
    const query = declaration ? Object.fromEntries(Object.entries(declaration).map(([name, value]) => [name, String(value)])) : undefined;
    const { body } = await this.api.get<Eligibility>('listings', `/listings/${listingId}/eligibility`, { token: seeker.token, readAfter: readAfter(request), query });
    return body;
  }

  private requireSeeker(request: FastifyRequest) {
    const seeker = signedIn(request, 'seeker');
    if (!seeker) throw new SessionExpired();
    return seeker;
  }
}

/** A refused apply: each failed requirement, or the one rule that refused it. */
function refusalsOf(error: ApiRefusal): Refusal[] {
  const failed = error.problem.failedRequirements;
  if (Array.isArray(failed) && failed.length > 0) return failed as Refusal[];
  return [{ code: typeof error.problem.code === 'string' ? error.problem.code : (error.problem.type.split('/').pop() ?? 'other'), message: error.problem.detail }];
}
