import { Body, Get, Injectable, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../api/api-client.js';
import { ApiRefusal } from '../api/api-error.js';
import type { FieldMessage } from '../views/components/form-errors.js';
import type { View } from '../views/view.js';
import { PageContext } from './page-context.js';
import { localPath, seeOther, sendPage } from './responses.js';
import { endSession } from './session.js';

export interface SignInPageProps {
  readonly account?: string;
  readonly next: string;
  readonly errors: readonly FieldMessage[];
  readonly expired?: boolean;
}

/** What differs between the sections whose people sign in with a work account: where they are, which app checks them, what they are told. */
export interface WorkAccountSection {
  /** The section's start page; signing in leads only to paths below it. */
  readonly home: string;
  readonly signInPath: string;
  /** The form field that names the account. */
  readonly field: string;
  page(view: View, props: SignInPageProps): JSX.Element;
  /** Has the app that holds the accounts check the password, starts the session, and says where to go. */
  signIn(api: ApiClient, request: FastifyRequest, credentials: { readonly account: string; readonly password: string }, next: string): Promise<string>;
  /** What the form says when the app refuses: which of account and password was wrong is never told, so accounts cannot be probed. */
  refused(error: ApiRefusal, view: View): FieldMessage[];
}

/** A work account's sign-in and sign-out (landlord users, the agency's staff), each section under its own path and session slot. */
@Injectable()
export abstract class WorkAccountSignInController {
  protected abstract readonly section: WorkAccountSection;

  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
  ) {}

  @Get('logga-in')
  async signInForm(@Query('nasta') next: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.pages.view(request, reply);
    sendPage(reply, this.section.page(view, { next: this.next(next), errors: [], expired: next !== undefined }));
  }

  @Post('logga-in')
  async signIn(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const field = body[this.section.field];
    const account = typeof field === 'string' ? field.trim() : '';
    const next = this.next(body.nasta);
    // A password is taken as typed: trimming would change it.
    const password = typeof body.password === 'string' ? body.password : '';
    try {
      seeOther(reply, await this.section.signIn(this.api, request, { account, password }, next));
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      const view = await this.pages.view(request, reply);
      sendPage(reply, this.section.page(view, { account, next, errors: this.section.refused(error, view) }), error.status);
    }
  }

  @Post('logga-ut')
  signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    endSession(request);
    seeOther(reply, this.section.signInPath);
  }

  /** Only a path inside the section: signing in here must not lead on to another section's page. */
  private next(candidate: unknown): string {
    const { home } = this.section;
    const path = localPath(candidate, home);
    return path === home || path.startsWith(`${home}/`) ? path : home;
  }
}
