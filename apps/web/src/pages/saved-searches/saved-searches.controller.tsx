import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal, SessionExpired } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { readAfter, rememberWrite, setFlash, signedIn, type SeekerSession } from '../../server/session.js';
import { searchHref, searchQueryOf } from '../listings/search-query.js';
import { SavedSearchesPage } from './saved-searches.page.js';
import { ALERT_MODES, type SavedSearch } from './saved-search.types.js';

/** The messages app's default, shown before it has heard of the seeker. */
const DEFAULT_DIGEST_TIME = '07:00';
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const idem = (body: Record<string, unknown>) => (typeof body._idem === 'string' ? body._idem : undefined);
const NUMBERS = ['roomsMin', 'roomsMax', 'rentMin', 'rentMax', 'areaMin', 'areaMax'] as const;
const alertsOf = (body: Record<string, unknown>) => ALERT_MODES.find((mode) => mode === body.alerts) ?? 'immediate';

/**
 * The search page's filters as the messages app takes them: numbers as numbers
 * (what is not a number is sent as text, for the app to refuse), the one type as
 * the list types, sorting and paging left out.
 */
export function savedSearchBody(body: Record<string, unknown>): Record<string, unknown> {
  const query = searchQueryOf(body);
  const saved: Record<string, unknown> = { alerts: alertsOf(body) };
  for (const name of ['municipality', 'district', 'moveInFrom', 'moveInTo'] as const) if (query[name]) saved[name] = query[name];
  for (const name of NUMBERS) if (query[name]) saved[name] = Number.isFinite(Number(query[name])) ? Number(query[name]) : query[name];
  if (query.type) saved.listTypes = [query.type];
  return saved;
}

/** Mina sidor → Bevakningar: the seeker's saved searches, kept by the messages app. */
@Controller('mina-sidor/bevakningar')
export class SavedSearchesController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.render(request, reply, undefined);
  }

  @Post()
  async save(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    try {
      rememberWrite(request, (await this.api.post('messages', '/messages/saved-searches', { ...this.as(request, seeker), idempotencyKey: idem(body), body: savedSearchBody(body) })).logPosition);
      setFlash(request, { kind: 'success', key: 'savedSearches.created' });
      seeOther(reply, '/mina-sidor/bevakningar');
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      if (error.status === 409) {
        setFlash(request, { kind: 'info', key: 'refusal.saved-search-cap' });
        return seeOther(reply, '/mina-sidor/bevakningar');
      }
      // The filters came from the search page's URL: back there, where each is shown.
      setFlash(request, { kind: 'info', key: 'savedSearches.invalid' });
      seeOther(reply, searchHref(searchQueryOf(body)));
    }
  }

  @Post(':searchId/besked')
  async alerts(@Param('searchId', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const answer = await this.api.post('messages', `/messages/saved-searches/${id}/alerts`, { ...this.as(request, seeker), idempotencyKey: idem(body), body: { alerts: alertsOf(body) } });
    rememberWrite(request, answer.logPosition);
    setFlash(request, { kind: 'success', key: 'savedSearches.changed' });
    seeOther(reply, '/mina-sidor/bevakningar');
  }

  @Post(':searchId/ta-bort')
  async remove(@Param('searchId', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    try {
      rememberWrite(request, (await this.api.delete('messages', `/messages/saved-searches/${id}`, this.as(request, seeker))).logPosition);
    } catch (error) {
      // Already gone (a second click, another tab): what the person wanted.
      if (!(error instanceof ApiRefusal) || error.status !== 404) throw error;
    }
    setFlash(request, { kind: 'success', key: 'savedSearches.deleted' });
    seeOther(reply, '/mina-sidor/bevakningar');
  }

  @Post('tid')
  async digestTime(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const seeker = this.seeker(request);
    const digestTime = text(body.digestTime);
    try {
      const answer = await this.api.post('messages', `/messages/people/${seeker.applicantId}/digest-time`, { ...this.as(request, seeker), idempotencyKey: idem(body), body: { digestTime } });
      rememberWrite(request, answer.logPosition);
      setFlash(request, { kind: 'success', key: 'savedSearches.digestSaved' });
      seeOther(reply, '/mina-sidor/bevakningar');
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.status !== 400) throw error;
      await this.render(request, reply, digestTime);
    }
  }

  /** The page; `refusedTime` is a digest time the app refused, shown again with its message. */
  private async render(request: FastifyRequest, reply: FastifyReply, refusedTime: string | undefined): Promise<void> {
    const seeker = this.seeker(request);
    const [view, searches, digestTime] = await Promise.all([
      this.pages.view(request, reply),
      this.api.get<SavedSearch[]>('messages', '/messages/saved-searches', this.as(request, seeker)),
      this.currentDigestTime(request, seeker),
    ]);
    const errors = refusedTime === undefined ? [] : [{ field: 'digestTime', message: view.t('savedSearches.digestInvalid') }];
    sendPage(reply, <SavedSearchesPage view={view} searches={searches.body} digestTime={refusedTime ?? digestTime} errors={errors} />, errors.length > 0 ? 400 : 200);
  }

  /** The messages app hears of a seeker moments after registration: until then the default time holds. */
  private async currentDigestTime(request: FastifyRequest, seeker: SeekerSession): Promise<string> {
    try {
      return (await this.api.get<{ digestTime: string }>('messages', `/messages/people/${seeker.applicantId}/preferences`, this.as(request, seeker))).body.digestTime;
    } catch (error) {
      if (error instanceof ApiRefusal && error.status === 404) return DEFAULT_DIGEST_TIME;
      throw error;
    }
  }

  private seeker(request: FastifyRequest): SeekerSession {
    const seeker = signedIn(request, 'seeker');
    if (!seeker) throw new SessionExpired();
    return seeker;
  }

  private as(request: FastifyRequest, seeker: SeekerSession) {
    return { token: seeker.token, readAfter: readAfter(request) };
  }
}
