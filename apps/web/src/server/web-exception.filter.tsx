import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiRefusal, ApiUnavailable, SessionExpired } from '../api/api-error.js';
import { translator } from '../i18n/locale.js';
import { LANDLORD_HOME, LANDLORD_SIGN_IN, LandlordSignInRequired } from '../pages/landlord/landlord-session.js';
import { STAFF_HOME, STAFF_SIGN_IN, StaffSignInRequired } from '../pages/staff/staff-session.js';
import { FailedPage, ForbiddenPage, NotFoundPage, UnavailablePage } from '../pages/errors/error.pages.js';
import type { View } from '../views/view.js';
import { localeOf } from './page-context.js';
import { seeOther, sendPage } from './responses.js';
import { endSession, signedIn } from './session.js';

/**
 * Every error a page can meet ends as a page in the person's language: an expired
 * session goes to sign-in and back, a refusal nobody handled is a 404 or 403, an app
 * that does not answer is 503, and anything else 500 (logged, never shown).
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('web');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    renderError(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

function renderError(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Pick<Logger, 'error' | 'warn'>): void {
  if (error instanceof SessionExpired || error instanceof LandlordSignInRequired || error instanceof StaffSignInRequired) {
    // An expired or revoked token ends the session; a seeker who merely opened a landlord or staff page stays signed in.
    if (error instanceof SessionExpired) endSession(request);
    seeOther(reply, `${SECTIONS[sectionOf(request)].signIn}?nasta=${encodeURIComponent(returnPath(request))}`);
    return;
  }
  const status = statusOf(error);
  if (status >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  else if (error instanceof ApiUnavailable) logger.warn(error.message);
  const view = minimalView(request, reply);
  const page = status === 404 ? <NotFoundPage view={view} /> : status === 403 ? <ForbiddenPage view={view} /> : status === 503 ? <UnavailablePage view={view} /> : <FailedPage view={view} />;
  sendPage(reply, page, status);
}

function statusOf(error: unknown): number {
  if (error instanceof ApiUnavailable) return 503;
  // A malformed id in an address is a page that does not exist.
  if (error instanceof ApiRefusal) return error.status === 404 || error.status === 403 ? error.status : error.status === 400 ? 404 : 500;
  if (error instanceof HttpException) return error.getStatus() === 400 ? 404 : error.getStatus();
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** After sign-in a GET returns to its page; a form's POST returns to the page the form was on. */
function returnPath(request: FastifyRequest): string {
  if (request.method === 'GET') return request.url;
  const referer = request.headers.referer;
  if (referer && URL.canParse(referer)) {
    const url = new URL(referer);
    if (url.host === request.headers.host) return `${url.pathname}${url.search}`;
  }
  return SECTIONS[sectionOf(request)].home;
}

/** Landlords and staff have their own sign-in: nobody lands on another section's, nor a seeker on theirs. */
const SECTIONS = {
  seeker: { home: '/mina-sidor', signIn: '/logga-in' },
  landlord: { home: LANDLORD_HOME, signIn: LANDLORD_SIGN_IN },
  staff: { home: STAFF_HOME, signIn: STAFF_SIGN_IN },
} as const;

function sectionOf(request: FastifyRequest): keyof typeof SECTIONS {
  const path = request.url.split('?')[0];
  const within = (home: string) => path === home || path.startsWith(`${home}/`);
  return within(LANDLORD_HOME) ? 'landlord' : within(STAFF_HOME) ? 'staff' : 'seeker';
}

// An error page must render even when what failed was building the page's context (an app down, a broken session).
function minimalView(request: FastifyRequest, reply: FastifyReply): View {
  const locale = localeOf(request);
  let csrfToken = '';
  try {
    csrfToken = reply.generateCsrf();
  } catch {
    // No session to bind a token to: the page has no form that needs one.
  }
  return { locale, t: translator(locale), csrfToken, path: request.url, seeker: signedIn(request, 'seeker') };
}
