import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLocale } from '../../i18n/locale.js';
import { LANGUAGE_COOKIE } from '../../server/http-plugins.js';
import { PageContext } from '../../server/page-context.js';
import { localPath, seeOther, sendPage } from '../../server/responses.js';
import { NotFoundPage } from '../errors/error.pages.js';
import { AccessibilityPage } from './accessibility.page.js';
import { HomePage } from './home.page.js';
import { HowItWorksPage } from './how-it-works.page.js';
import { QueueRulesQuery } from './queue-rules.js';

@Controller()
export class HomeController {
  constructor(
    private readonly pages: PageContext,
    private readonly rules: QueueRulesQuery,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [view, rules] = await Promise.all([this.pages.view(request, reply), this.rules.inForce()]);
    sendPage(reply, <HomePage view={view} rules={rules} />);
  }

  @Get('sa-fungerar-kon')
  async howItWorks(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [view, rules] = await Promise.all([this.pages.view(request, reply), this.rules.inForce()]);
    sendPage(reply, <HowItWorksPage view={view} rules={rules} />);
  }

  @Get('tillganglighet')
  async accessibility(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, <AccessibilityPage view={await this.pages.view(request, reply)} />);
  }

  /** The language switch is a plain link: it keeps the choice in a cookie and returns to the same page. */
  @Get('sprak/:locale')
  async language(@Param('locale') locale: string, @Query('tillbaka') back: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!isLocale(locale)) {
      sendPage(reply, <NotFoundPage view={await this.pages.view(request, reply)} />, 404);
      return;
    }
    reply.setCookie(LANGUAGE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    seeOther(reply, localPath(back, '/'));
  }
}
