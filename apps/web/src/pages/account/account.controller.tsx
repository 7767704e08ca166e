import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { localPath, seeOther, sendPage } from '../../server/responses.js';
import { endSession, rememberWrite, setFlash, startSession } from '../../server/session.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { fieldProblems } from './field-problems.js';
import { RegisterPage, type RegisterForm } from './register.page.js';
import { seekerSessionOf, type TokenAnswer } from './seeker-token.js';
import { SignInPage } from './sign-in.page.js';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
// A password is taken as typed: trimming would change it.
const secret = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Registering, signing in and out: the applicants app decides, these pages ask and show its answer. */
@Controller()
export class AccountController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get('registrera')
  async registerForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, <RegisterPage view={await this.pages.view(request, reply)} form={{}} errors={[]} />);
  }

  @Post('registrera')
  async register(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form: RegisterForm = {
      personnummer: text(body.personnummer),
      name: text(body.name),
      email: text(body.email),
      phone: text(body.phone),
      street: text(body['address-street']),
      postalCode: text(body['address-postalCode']),
      city: text(body['address-city']),
      terms: text(body.terms),
    };
    const password = secret(body.password);
    const view = await this.pages.view(request, reply);
    if (form.terms !== 'yes') {
      sendPage(reply, <RegisterPage view={view} form={form} errors={[{ field: 'terms', message: view.t('register.termsRequired') }]} />, 400);
      return;
    }
    const address = form.street || form.postalCode || form.city ? { street: form.street, postalCode: form.postalCode, city: form.city } : undefined;
    try {
      const registered = await this.api.post<unknown>('applicants', '/applicants', {
        idempotencyKey: text(body._idem) || undefined,
        body: { personnummer: form.personnummer, name: form.name, email: form.email, phone: form.phone || undefined, address, password },
      });
      rememberWrite(request, registered.logPosition);
      const token = await this.api.post<TokenAnswer>('applicants', '/applicants/sign-in', { body: { personnummer: form.personnummer, password }, forwardedFor: request.ip });
      startSession(request, 'seeker', seekerSessionOf(token.body));
      setFlash(request, { kind: 'success', key: 'register.done' });
      seeOther(reply, '/mina-sidor');
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      const errors = fieldProblems(error, view.locale, { field: 'personnummer', key: 'problem.registration-refused' });
      sendPage(reply, <RegisterPage view={view} form={form} errors={errors} />, error.status);
    }
  }

  @Get('logga-in')
  async signInForm(@Query('nasta') next: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.pages.view(request, reply);
    const returnTo = localPath(next, '/mina-sidor');
    sendPage(reply, <SignInPage view={view} next={returnTo} errors={[]} expired={next !== undefined} />);
  }

  @Post('logga-in')
  async signIn(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const personnummer = text(body.personnummer);
    const next = localPath(body.nasta, '/mina-sidor');
    try {
      const token = await this.api.post<TokenAnswer>('applicants', '/applicants/sign-in', { body: { personnummer, password: secret(body.password) }, forwardedFor: request.ip });
      startSession(request, 'seeker', seekerSessionOf(token.body));
      seeOther(reply, next);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      const view = await this.pages.view(request, reply);
      const errors: FieldMessage[] =
        error.status === 401
          ? [{ field: 'personnummer', message: view.t('problem.wrong-credentials') }]
          : fieldProblems(error, view.locale, { field: 'personnummer', key: 'problem.wrong-credentials' });
      sendPage(reply, <SignInPage view={view} personnummer={personnummer} next={next} errors={errors} />, error.status);
    }
  }

  @Post('logga-ut')
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    endSession(request);
    seeOther(reply, '/');
  }
}
