import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { localPath, seeOther, sendPage } from '../../server/responses.js';
import { endSession, startLandlordSession } from '../../server/session.js';
import { landlordProblems } from './landlord-problems.js';
import { formText, LANDLORD_HOME, LANDLORD_SIGN_IN, landlordSessionOf, type TokenAnswer } from './landlord-session.js';
import { LandlordSignInPage } from './sign-in.page.js';

/** Only a path inside the landlords' section: signing in as a landlord must not lead on to a seeker's page. */
const landlordNext = (candidate: unknown): string => {
  const path = localPath(candidate, LANDLORD_HOME);
  return path === LANDLORD_HOME || path.startsWith(`${LANDLORD_HOME}/`) ? path : LANDLORD_HOME;
};

/** Landlord users sign in and out; the landlords app checks the password and issues the token. */
@Controller('hyresvard')
export class LandlordSignInController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get('logga-in')
  async signInForm(@Query('nasta') next: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.pages.view(request, reply);
    sendPage(reply, <LandlordSignInPage view={view} next={landlordNext(next)} errors={[]} expired={next !== undefined} />);
  }

  @Post('logga-in')
  async signIn(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const email = formText(body.email);
    const next = landlordNext(body.nasta);
    // A password is taken as typed: trimming would change it.
    const password = typeof body.password === 'string' ? body.password : '';
    try {
      const token = await this.api.post<TokenAnswer>('landlords', '/landlords/sign-in', { body: { email, password }, forwardedFor: request.ip });
      startLandlordSession(request, landlordSessionOf(token.body));
      seeOther(reply, next);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      const view = await this.pages.view(request, reply);
      // Wrong e-mail or password, and a malformed address alike: which one is not told, so accounts cannot be probed.
      const errors = error.status === 429 ? landlordProblems(error, view.locale, { field: 'email', key: 'problem.sign-in-throttled' }) : [{ field: 'email', message: view.t('landlord.signIn.wrong') }];
      sendPage(reply, <LandlordSignInPage view={view} email={email} next={next} errors={errors} />, error.status);
    }
  }

  @Post('logga-ut')
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    endSession(request);
    seeOther(reply, LANDLORD_SIGN_IN);
  }
}
