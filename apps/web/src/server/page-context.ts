import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLocale, translator, type Locale } from '../i18n/locale.js';
import type { View } from '../views/view.js';
import { TrainingClockBanner } from './training-clock-banner.js';
import { LANGUAGE_COOKIE } from './http-plugins.js';
import { LandlordUnread } from './landlord-unread.js';
import { readAfter, signedIn, takeFlash } from './session.js';

export function localeOf(request: FastifyRequest): Locale {
  const chosen = request.cookies[LANGUAGE_COOKIE];
  return isLocale(chosen) ? chosen : 'sv';
}

/** Builds what every page needs from the request: language, CSRF token (when a form asks for it), seeker, flash, training clock. */
@Injectable()
export class PageContext {
  constructor(
    private readonly clock: TrainingClockBanner,
    private readonly unread: LandlordUnread,
  ) {}

  async view(request: FastifyRequest, reply: FastifyReply): Promise<View> {
    const locale = localeOf(request);
    let csrfToken: string | undefined;
    const landlord = signedIn(request, 'landlord');
    // Only the portal's pages show the count: elsewhere a signed-in landlord user costs no call to the messages app.
    const [clock, landlordUnread] = await Promise.all([this.clock.current(), landlord && request.url.startsWith('/hyresvard') ? this.unread.count(landlord, readAfter(request)) : undefined]);
    return {
      locale,
      t: translator(locale),
      // Made when a form renders it, not for every page: a new token puts a secret in the session, and a changed
      // session is encrypted into a new cookie on the response. A signed-out visitor's search or listing page has
      // no form, so it now costs no secretbox and sets no cookie. Pages render before the reply is sent, in time.
      get csrfToken() {
        return (csrfToken ??= reply.generateCsrf());
      },
      path: request.url,
      seeker: signedIn(request, 'seeker'),
      landlordSignedIn: landlord !== undefined,
      landlordUnread,
      staffSignedIn: signedIn(request, 'staff') !== undefined,
      staffRoles: signedIn(request, 'staff')?.roles,
      flash: takeFlash(request),
      clock,
    };
  }
}
