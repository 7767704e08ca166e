import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { messageFor } from '../../i18n/locale.js';
import { PageContext } from '../../server/page-context.js';
import { localPath, seeOther, sendPage } from '../../server/responses.js';
import { endSession, startStaffSession } from '../../server/session.js';
import { StaffSignInPage } from './sign-in.page.js';
import { formText, STAFF_HOME, STAFF_SIGN_IN, staffSessionOf, type TokenAnswer } from './staff-session.js';

const REPORTS = `${STAFF_HOME}/rapporter`;

/** Only a path inside the back office: signing in as staff must not lead on to another section's page. */
const staffNext = (candidate: unknown): string => {
  const path = localPath(candidate, STAFF_HOME);
  return path === STAFF_HOME || path.startsWith(`${STAFF_HOME}/`) ? path : STAFF_HOME;
};

/** Staff, administrators and analysts sign in and out; the applicants app checks the password and issues the token with the account's roles. */
@Controller('handlaggare')
export class StaffSignInController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get('logga-in')
  async signInForm(@Query('nasta') next: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.pages.view(request, reply);
    sendPage(reply, <StaffSignInPage view={view} next={staffNext(next)} errors={[]} expired={next !== undefined} />);
  }

  @Post('logga-in')
  async signIn(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const username = formText(body.username);
    const next = staffNext(body.nasta);
    // A password is taken as typed: trimming would change it.
    const password = typeof body.password === 'string' ? body.password : '';
    try {
      const token = await this.api.post<TokenAnswer>('applicants', '/auth/token', { body: { username, password }, forwardedFor: request.ip });
      const session = staffSessionOf(token.body);
      startStaffSession(request, session);
      // An analyst's work is the reports: the back office's start page is a case officer's.
      seeOther(reply, next === STAFF_HOME && !session.roles.some((role) => role === 'staff' || role === 'admin') ? REPORTS : next);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      const view = await this.pages.view(request, reply);
      // Which of the two was wrong is not told, so accounts cannot be probed.
      const key = error.status === 429 ? 'problem.sign-in-throttled' : 'staff.signIn.wrong';
      sendPage(reply, <StaffSignInPage view={view} username={username} next={next} errors={[{ field: 'username', message: messageFor(view.locale, key)! }]} />, error.status);
    }
  }

  @Post('logga-ut')
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    endSession(request);
    seeOther(reply, STAFF_SIGN_IN);
  }
}
