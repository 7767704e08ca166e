import { Body, Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiClient } from '../../api/api-client.js';
import { SessionExpired } from '../../api/api-error.js';
import { PageContext } from '../../server/page-context.js';
import { seeOther, sendPage } from '../../server/responses.js';
import { readAfter, rememberWrite, setFlash, signedInSeeker } from '../../server/session.js';
import { WEB_CONFIG, type WebConfig } from '../../web.config.js';
import { DevMailboxPage } from './dev-mailbox.page.js';
import { MessagePage, MessagesPage } from './messages.page.js';
import type { InboxMessage, KeptMail } from './messages.types.js';
import { PreferencesPage, type Preferences } from './preferences.page.js';

/** Mina sidor → Meddelanden (the seeker's own inbox, from the token), and outside production the development mailbox. */
@Controller()
export class MessagesController {
  constructor(
    private readonly pages: PageContext,
    private readonly api: ApiClient,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get('mina-sidor/meddelanden')
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [view, messages] = await Promise.all([this.pages.view(request, reply), this.api.get<InboxMessage[]>('messages', '/messages', this.as(request))]);
    sendPage(reply, <MessagesPage view={view} messages={messages.body} />);
  }

  @Get('mina-sidor/meddelanden/installningar')
  async preferences(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [view, preferences] = await Promise.all([this.pages.view(request, reply), this.api.get<Preferences>('messages', `/messages/people/${this.seekerId(request)}/preferences`, this.as(request))]);
    sendPage(reply, <PreferencesPage view={view} preferences={preferences.body} />);
  }

  /** One form, several settings: each changed one is written (the messages app records only what differs). */
  @Post('mina-sidor/meddelanden/installningar')
  async savePreferences(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const id = this.seekerId(request);
    const current = (await this.api.get<Preferences>('messages', `/messages/people/${id}/preferences`, this.as(request))).body;
    const language = body.language === 'en' ? 'en' : 'sv';
    if (language !== current.language) rememberWrite(request, (await this.api.post('messages', `/messages/people/${id}/language`, { ...this.as(request), body: { language } })).logPosition);
    for (const [kind, on] of Object.entries(current.email)) {
      const email = body[`email-${kind}`] === 'on';
      if (email !== on) rememberWrite(request, (await this.api.post('messages', `/messages/people/${id}/email`, { ...this.as(request), body: { kind, email } })).logPosition);
    }
    setFlash(request, { kind: 'success', key: 'preferences.saved' });
    seeOther(reply, '/mina-sidor/meddelanden/installningar');
  }

  @Get('mina-sidor/meddelanden/:messageId')
  async one(@Param('messageId', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [view, message] = await Promise.all([this.pages.view(request, reply), this.api.get<InboxMessage>('messages', `/messages/${id}`, this.as(request))]);
    sendPage(reply, <MessagePage view={view} message={message.body} />);
  }

  @Post('mina-sidor/meddelanden/:messageId/las')
  async read(@Param('messageId', ParseUUIDPipe) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    rememberWrite(request, (await this.api.post('messages', `/messages/${id}/read`, this.as(request))).logPosition);
    setFlash(request, { kind: 'success', key: 'messages.markedRead' });
    seeOther(reply, `/mina-sidor/meddelanden/${encodeURIComponent(id)}`);
  }

  @Get('dev/mejl')
  async devMailbox(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (this.config.NODE_ENV === 'production') throw new NotFoundException();
    const [view, mails] = await Promise.all([this.pages.view(request, reply), this.api.get<KeptMail[]>('messages', '/dev/mailbox')]);
    sendPage(reply, <DevMailboxPage view={view} mails={mails.body} />);
  }

  private seekerId(request: FastifyRequest): string {
    const seeker = signedInSeeker(request);
    if (!seeker) throw new SessionExpired();
    return seeker.applicantId;
  }

  private as(request: FastifyRequest) {
    const seeker = signedInSeeker(request);
    if (!seeker) throw new SessionExpired();
    return { token: seeker.token, readAfter: readAfter(request) };
  }
}
